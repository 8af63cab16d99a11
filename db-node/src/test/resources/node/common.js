// Shared by the framework scripts NodeFrameworksIT runs against PostgreSQL 15 and against distdb:
// the connection arguments and one way to print what a framework answered, so both outputs can be
// compared line by line.
'use strict';

const [host, port, user, password, database, readPort] = process.argv.slice(2);

/** Where writes go (the master) and where reads that may lag go (a slave, or the same server). */
const connection = { host, port: Number(port), user, password, database };
const readConnection = { ...connection, port: Number(readPort || port) };

function plain(value) {
  if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString();
  if (Buffer.isBuffer(value)) return '\\x' + value.toString('hex');
  if (typeof value === 'bigint') return value.toString() + 'n';
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const o = {};
    for (const k of Object.keys(value)) o[k] = plain(value[k]);
    return o;
  }
  return value;
}

/** Prints one labelled result as JSON (dates as ISO text, bytes as hex). */
function show(label, value) {
  console.log(label + ' ' + JSON.stringify(plain(value)));
}

/** Prints an error the way a client sees it: SQLSTATE and message, or the exception's name. */
function showError(label, e) {
  const original = e.original || e.parent || e.driverError || e;
  show(label, { code: original.code || e.name, message: original.message });
}

/** Runs the script's main; a failure prints its stack and sets exit code 1. */
function run(main) {
  // Exits explicitly: a pool left open by a failure would keep the process alive.
  main().then(
    () => {
      console.log('done');
      process.exit(0);
    },
    (e) => {
      console.log('FAILED ' + (e && e.stack ? e.stack : e));
      if (e && e.sql) console.log('SQL ' + e.sql);
      process.exit(1);
    },
  );
}

/** Retries fn until it answers what expected says is enough (a slave catching up), at most 10 s. */
async function eventually(fn, enough) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const value = await fn();
    if (enough(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { connection, readConnection, show, showError, run, eventually };
