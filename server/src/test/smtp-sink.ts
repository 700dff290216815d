import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from './test-server.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as received (headers and MIME parts). */
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Refuses the next `count` deliveries with a temporary failure (451). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (the smtp-server package): what the CRM sends arrives here. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test server that mails through a new SMTP sink: links start with https://crm.example.org,
 * the dispatcher only works when ticked (`server.app.mail.tick()`), a refused mail is tried again
 * after 1 s. Close both.
 */
export async function startMailingTestServer(): Promise<{ smtp: SmtpSink; server: TestServer }> {
  const smtp = await startSmtpSink();
  const server = await startTestServer({
    config: {
      mail: {
        smtpUrl: smtp.url,
        from: 'Export CRM <crm@test.example>',
        publicUrl: 'https://crm.example.org',
        pollMs: 0,
        retrySeconds: 1,
      },
    },
  });
  return { smtp, server };
}
