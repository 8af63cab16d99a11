\set ON_ERROR_STOP on
\l+
