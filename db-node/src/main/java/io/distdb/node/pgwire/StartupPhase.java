package io.distdb.node.pgwire;

import io.distdb.node.pgwire.auth.Authenticator;
import io.distdb.node.pgwire.auth.ScramException;
import io.distdb.node.pgwire.auth.ScramExchange;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationOk;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSasl;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSaslContinue;
import io.distdb.node.pgwire.protocol.BackendMessage.AuthenticationSaslFinal;
import io.distdb.node.pgwire.protocol.BackendMessage.EncryptionRefused;
import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.NegotiateProtocolVersion;
import io.distdb.node.pgwire.protocol.FrontendMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.CancelRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.InvalidText;
import io.distdb.node.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.distdb.node.pgwire.protocol.FrontendMessage.SslRequest;
import io.distdb.node.pgwire.protocol.FrontendMessage.Startup;
import io.distdb.node.pgwire.protocol.FrontendMessage.Terminate;
import io.distdb.node.pgwire.protocol.InvalidTextException;
import io.distdb.node.pgwire.protocol.PayloadReader;
import io.distdb.node.pgwire.protocol.ProtocolCodes;
import io.distdb.node.pgwire.protocol.ProtocolException;
import io.distdb.node.service.SqlService;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup packet, encryption refusals and authentication, up to the first ReadyForQuery. Every
 * failure here is FATAL: the client has no session to fall back to.
 */
final class StartupPhase implements Phase {

  private static final Logger log = LoggerFactory.getLogger(StartupPhase.class);

  private enum State {
    AWAIT_STARTUP,
    AWAIT_SASL_INITIAL,
    AWAIT_SASL_FINAL
  }

  private final ConnectionOutput out;
  private final SqlService service;
  private final Authenticator authenticator;
  private final SessionStarter starter;
  private final ConnectionSlots.Admission admission;
  private final LoginThrottle throttle;
  private final CancelRegistry cancels;
  private final AuthenticationDeadline deadline;
  private State state = State.AWAIT_STARTUP;
  private String user;
  private Map<String, String> parameters;
  private ScramExchange scram;

  StartupPhase(
      ConnectionOutput out,
      SqlService service,
      Authenticator authenticator,
      SessionStarter starter,
      ConnectionSlots.Admission admission,
      LoginThrottle throttle,
      CancelRegistry cancels,
      AuthenticationDeadline deadline) {
    this.out = out;
    this.service = service;
    this.authenticator = authenticator;
    this.starter = starter;
    this.admission = admission;
    this.throttle = throttle;
    this.cancels = cancels;
    this.deadline = deadline;
  }

  @Override
  public Phase handle(FrontendMessage msg) {
    boolean awaitingStartup = state == State.AWAIT_STARTUP;
    if (awaitingStartup && (msg instanceof SslRequest || msg instanceof GssEncRequest)) {
      out.write(new EncryptionRefused());
      out.flush();
    } else if (awaitingStartup && msg instanceof CancelRequest cancel) {
      // Served even when every slot is taken; PostgreSQL never answers a cancel connection.
      if (!cancels.cancel(cancel.processId(), cancel.secretKey())) {
        log.atDebug().addKeyValue("conn", out.id()).log("cancel request with an unknown key");
      }
      out.close();
    } else if (msg instanceof InvalidText invalid) {
      fatal(InvalidTextException.SQLSTATE, invalid.message());
    } else if (awaitingStartup && msg instanceof Startup) {
      return startup((Startup) msg);
    } else if (!awaitingStartup && msg instanceof PasswordMessage) {
      return password(((PasswordMessage) msg).data());
    } else if (msg instanceof Terminate) {
      out.close();
    } else {
      fatal("08P01", "unexpected " + msg.getClass().getSimpleName() + " during startup");
    }
    return this;
  }

  private Phase startup(Startup msg) {
    int code = msg.protocolCode();
    if (ProtocolCodes.major(code) != 3) {
      fatal(
          "0A000",
          "unsupported frontend protocol "
              + ProtocolCodes.major(code)
              + "."
              + ProtocolCodes.minor(code)
              + ": server supports 3.0 to 3.0");
      return this;
    }
    if (admission == ConnectionSlots.Admission.TOO_MANY) {
      fatal("53300", "sorry, too many clients already");
      return this;
    }
    if (admission == ConnectionSlots.Admission.RESERVED) {
      fatal(
          "53300",
          "remaining connection slots are reserved for connections from the reserved addresses"
              + " (--reserved-connections-from)");
      return this;
    }
    parameters = msg.parameters();
    List<String> unsupported =
        parameters.keySet().stream()
            .filter(k -> k.startsWith("_pq_."))
            .collect(Collectors.toList());
    if (ProtocolCodes.minor(code) > 0 || !unsupported.isEmpty()) {
      out.write(new NegotiateProtocolVersion(0, unsupported));
    }
    String replication = parameters.getOrDefault("replication", "false");
    if (!List.of("false", "off", "no", "0").contains(replication.toLowerCase())) {
      fatal("0A000", "the replication protocol is not supported");
      return this;
    }
    user = parameters.get("user");
    if (user == null || user.isEmpty()) {
      fatal("28000", "no PostgreSQL user name specified in startup packet");
      return this;
    }
    if (authenticator instanceof Authenticator.ScramSha256) {
      scram =
          new ScramExchange(user, ((Authenticator.ScramSha256) authenticator).store().lookup(user));
      out.write(new AuthenticationSasl(List.of(ScramExchange.MECHANISM)));
      out.flush();
      state = State.AWAIT_SASL_INITIAL;
      return this;
    }
    deadline.passed();
    out.write(new AuthenticationOk());
    return openSession();
  }

  private Phase password(byte[] data) {
    try {
      if (state == State.AWAIT_SASL_INITIAL) {
        PayloadReader in = new PayloadReader(Unpooled.wrappedBuffer(data));
        String mechanism = in.readCString();
        int length = in.readInt();
        byte[] clientFirst = in.readBytes(length);
        in.expectEnd();
        if (!ScramExchange.MECHANISM.equals(mechanism)) {
          fatal("08P01", "client selected an invalid SASL authentication mechanism");
          return this;
        }
        out.write(new AuthenticationSaslContinue(scram.serverFirst(clientFirst)));
        out.flush();
        state = State.AWAIT_SASL_FINAL;
        return this;
      }
      out.write(new AuthenticationSaslFinal(scram.serverFinal(data)));
      if (out.remoteAddress() != null) {
        throttle.succeeded(out.remoteAddress());
      }
      deadline.passed();
      out.write(new AuthenticationOk());
      return openSession();
    } catch (ProtocolException e) {
      fatal("08P01", e.getMessage());
    } catch (ScramException e) {
      if (e.isMalformed()) {
        fatal("08P01", e.getMessage());
      } else {
        authenticationFailed();
      }
    }
    return this;
  }

  private void authenticationFailed() {
    InetAddress remote = out.remoteAddress();
    long delay = remote == null ? 0 : throttle.failed(remote);
    log.atInfo()
        .addKeyValue("conn", out.id())
        .addKeyValue("user", user)
        .addKeyValue("remote", remote == null ? "local" : remote.getHostAddress())
        .addKeyValue("recentFailures", remote == null ? 1 : throttle.failures(remote))
        .addKeyValue("delayMs", delay)
        .log("password authentication failed");
    ErrorResponse error =
        ErrorResponse.fatal("28P01", "password authentication failed for user \"" + user + "\"");
    if (delay > 0) {
      out.fatalAfter(error, delay);
    } else {
      out.fatal(error);
    }
  }

  private Phase openSession() {
    String database = parameters.getOrDefault("database", "");
    return starter
        .start(service, user, database.isEmpty() ? user : database, parameters)
        .orElse(this);
  }

  private void fatal(String sqlState, String message) {
    out.fatal(ErrorResponse.fatal(sqlState, message));
  }

  @Override
  public void close() {
    // Nothing to release before a session exists.
  }
}
