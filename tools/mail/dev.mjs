// A local SMTP sink for development: `npm run dev:mail` (port 2525, or DEV_MAIL_PORT), then start
// the API with SMTP_URL=smtp://127.0.0.1:2525. Every message is printed in short and saved whole
// as an .eml file (open it in any mail program; the invite is inside) under ./data/mail/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.DEV_MAIL_PORT || 2525);
const dir = resolve(process.env.DEV_MAIL_DIR || 'data/mail');
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const raw = Buffer.concat(chunks);
      try {
        const mail = await simpleParser(raw);
        count += 1;
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        writeFileSync(file, raw);
        const invite = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
        const method = invite ? /METHOD:(\w+)/.exec(invite.content.toString())?.[1] : null;
        console.log(`#${count} to ${mail.to?.text ?? session.envelope.rcptTo.map((r) => r.address).join(', ')}`);
        console.log(`   ${mail.subject}`);
        console.log(`   ${mail.messageId}${method ? `  (calendar ${method})` : ''}`);
        console.log(`   saved ${file}`);
        callback();
      } catch (e) {
        callback(e);
      }
    });
  },
});

server.listen(port, '127.0.0.1', () => {
  console.log(`SMTP sink on 127.0.0.1:${port}; mails are saved to ${dir}`);
  console.log(`start the API with SMTP_URL=smtp://127.0.0.1:${port}`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
