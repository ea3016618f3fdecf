// npm run admin:create -- --email admin@example.com --name "陈静" [--locale en]
// Creates the first admin of a desk. The password is read from standard input (its first line) or, at a terminal,
// asked for twice without echo; never from the command line, where shell history and process lists keep it.
import { parseArgs } from 'node:util';
import { createFirstAdmin } from '../src/agents/createAdmin';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';

const usage =
  'Usage: npm run admin:create -- --email <email> --name <name> [--locale zh-CN|en]\n  The password is read from standard input, or asked for at a terminal.';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

if (process.argv.some((a) => /^--?pass(word)?\b/i.test(a))) {
  fail(
    'The password is never taken from the command line (shell history and process lists keep it): pipe it in, or type it when asked.',
    2,
  );
}
let values: { email?: string; name?: string; locale?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`, 2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.email || !values.name) fail(usage, 2);

/** One line typed at the terminal without echo. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('Cancelled'));
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Password / 密码: ');
    const again = await askHidden('Again / 再次输入: ');
    if (first !== again) fail('The two passwords differ / 两次输入的密码不一致');
    return first;
  }
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

const password = await readPassword();
if (!password) fail('No password given on standard input / 没有读到密码');

const config = loadConfig();
await migrate(config.databaseUrl);
const db = await createDb(config.databaseUrl);
try {
  const outcome = await createFirstAdmin(db, { email: values.email, name: values.name, locale: values.locale }, password, config.env);
  if (!outcome.ok) {
    if (outcome.reason === 'email_taken') fail(`An agent with the email ${values.email} exists already: nothing was changed.`);
    if (outcome.reason === 'password') fail(`Password refused: ${outcome.text.en}\n密码未被接受：${outcome.text['zh-CN']}`);
    fail(`${outcome.message}\n${usage}`, 2);
  }
  console.log(
    `Admin created: ${outcome.agent.email} (id ${outcome.agent.id}). Sign in at the console; enrol two-factor sign-in on your profile.`,
  );
} finally {
  await db.$disconnect();
}
