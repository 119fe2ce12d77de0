package io.vigie.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Where the demo's on-call pages go: GreenMail's SMTP server (a real one, in the launcher's JVM)
 * keeps every message it accepts, and its IMAP server shows them to any mail client — log in as the
 * recipient's address with any password. ticket-service is pointed at it by {@link QuarkusService};
 * in production {@code QUARKUS_MAILER_HOST}/{@code PORT} name the hoster's relay.
 */
final class MailCatcher implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int SMTP_PORT = 13025;
  static final int IMAP_PORT = 13143;

  private final GreenMail mail;

  private MailCatcher(GreenMail mail) {
    this.mail = mail;
  }

  static MailCatcher start() {
    return start(SMTP_PORT, IMAP_PORT);
  }

  static MailCatcher start(int smtpPort, int imapPort) {
    GreenMail mail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    return new MailCatcher(mail);
  }

  /** Messages accepted since the start. */
  int received() {
    return mail.getReceivedMessages().length;
  }

  @Override
  public void close() {
    mail.stop();
  }
}
