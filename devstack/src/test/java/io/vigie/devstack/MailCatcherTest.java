package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The demo's mail catcher as ticket-service and an engineer use it: a page sent over SMTP (no
 * authentication, as quarkus-mailer sends it in the devstack) is in the recipient's IMAP inbox,
 * opened with any password.
 */
class MailCatcherTest {

  @Test
  void aPageSentOverSmtpIsReadOverImapAsTheRecipient() throws Exception {
    int smtp = freePort();
    int imap = freePort();
    try (MailCatcher catcher = MailCatcher.start(smtp, imap)) {
      Properties smtpProps = new Properties();
      smtpProps.put("mail.smtp.host", MailCatcher.HOST);
      smtpProps.put("mail.smtp.port", Integer.toString(smtp));
      MimeMessage page = new MimeMessage(Session.getInstance(smtpProps));
      page.setFrom(new InternetAddress("oncall@vigie.local"));
      page.setRecipient(Message.RecipientType.TO, new InternetAddress("engineer@hoster.example"));
      page.setSubject("[P1] web1.par-dc2 down");
      page.setText("Acknowledge: http://127.0.0.1:8083/on-call/ack/abc");
      Transport.send(page);

      assertThat(catcher.received()).isEqualTo(1);
      Properties imapProps = new Properties();
      Store store = Session.getInstance(imapProps).getStore("imap");
      store.connect(MailCatcher.HOST, imap, "engineer@hoster.example", "any password");
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("[P1] web1.par-dc2 down");
        inbox.close(false);
      } finally {
        store.close();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
