package io.distdb.node.pgwire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScramExchangeTest {

  /** RFC 7677 section 3: user "user", password "pencil". */
  private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";

  private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  private static final String SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0," + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  private static final String CLIENT_FINAL =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)"
          + "hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ScramExchange exchange(String password) {
    return new ScramExchange(
        "user",
        Optional.of(ScramCredentials.fromPassword(password, SALT, 4096)),
        () -> SERVER_NONCE);
  }

  @Test
  void rfc7677TestVector() throws Exception {
    ScramExchange scram = exchange("pencil");
    assertThat(new String(scram.serverFirst(utf8(CLIENT_FIRST)), StandardCharsets.UTF_8))
        .isEqualTo(SERVER_FIRST);
    assertThat(new String(scram.serverFinal(utf8(CLIENT_FINAL)), StandardCharsets.UTF_8))
        .isEqualTo(SERVER_FINAL);
  }

  @Test
  void wrongPasswordFailsWithoutBeingMalformed() throws Exception {
    ScramExchange scram = exchange("not pencil");
    scram.serverFirst(utf8(CLIENT_FIRST));
    assertThatThrownBy(() -> scram.serverFinal(utf8(CLIENT_FINAL)))
        .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.isMalformed()).isFalse());
  }

  @Test
  void unknownUserFailsAtTheProofLikeAWrongPassword() throws Exception {
    ScramExchange scram = new ScramExchange("nobody", Optional.empty(), () -> SERVER_NONCE);
    String first = new String(scram.serverFirst(utf8(CLIENT_FIRST)), StandardCharsets.UTF_8);
    assertThat(first).contains(",s=").endsWith(",i=4096");
    assertThatThrownBy(() -> scram.serverFinal(utf8(CLIENT_FINAL)))
        .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.isMalformed()).isFalse());
  }

  @Test
  void channelBindingAndGarbageAreMalformed() {
    assertThatThrownBy(() -> exchange("pencil").serverFirst(utf8("p=tls-server-end-point,,n=,r=x")))
        .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.isMalformed()).isTrue());
    assertThatThrownBy(() -> exchange("pencil").serverFirst(utf8("garbage")))
        .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.isMalformed()).isTrue());
  }

  @Test
  void tamperedNonceIsMalformed() throws Exception {
    ScramExchange scram = exchange("pencil");
    scram.serverFirst(utf8(CLIENT_FIRST));
    assertThatThrownBy(() -> scram.serverFinal(utf8(CLIENT_FINAL.replace("k0,p", "k1,p"))))
        .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.isMalformed()).isTrue());
  }

  @Test
  void verifierStringRoundTrips() {
    ScramCredentials creds = ScramCredentials.fromPassword("pencil", SALT, 4096);
    ScramCredentials parsed = ScramCredentials.parse(creds.toVerifierString());
    assertThat(parsed.storedKey()).isEqualTo(creds.storedKey());
    assertThat(parsed.serverKey()).isEqualTo(creds.serverKey());
    assertThat(parsed.salt()).isEqualTo(SALT);
    assertThat(parsed.iterations()).isEqualTo(4096);
  }

  @Test
  void clientThatSupportsButDoesNotUseChannelBinding() throws Exception {
    // gs2 header "y,,": the client could bind but we advertised no -PLUS mechanism.
    ScramExchange scram = exchange("pencil");
    String clientFirstBare = "n=,r=abc";
    String serverFirst =
        new String(scram.serverFirst(utf8("y,," + clientFirstBare)), StandardCharsets.UTF_8);
    String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
    String withoutProof = "c=eSws,r=" + nonce;
    byte[] salted = ScramPrimitives.saltedPassword("pencil", SALT, 4096);
    byte[] clientKey = ScramPrimitives.hmac(salted, utf8("Client Key"));
    byte[] signature =
        ScramPrimitives.hmac(
            ScramPrimitives.sha256(clientKey),
            utf8(clientFirstBare + "," + serverFirst + "," + withoutProof));
    String proof = Base64.getEncoder().encodeToString(ScramPrimitives.xor(clientKey, signature));
    assertThat(
            new String(
                scram.serverFinal(utf8(withoutProof + ",p=" + proof)), StandardCharsets.UTF_8))
        .startsWith("v=");
  }
}
