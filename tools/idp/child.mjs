// The test provider as a child process: tests start it with IDP_REDIRECT_URIS (comma-separated)
// and IDP_POST_LOGOUT_URIS, read its issuer from the first line of stdout, and may move people
// between groups by writing JSON lines `{"person": "...", "groups": [...]}` to its stdin.
import { createInterface } from 'node:readline';
import { IDP_PEOPLE, startIdp } from './provider.mjs';

const split = (v) => (v ? v.split(',').filter(Boolean) : []);
const people = structuredClone(IDP_PEOPLE);
const idp = await startIdp({
  redirectUris: split(process.env.IDP_REDIRECT_URIS),
  postLogoutRedirectUris: split(process.env.IDP_POST_LOGOUT_URIS),
  people,
});
process.stdout.write(`${idp.issuer}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  const { person, name, groups } = JSON.parse(line);
  people[person] = { name: name ?? people[person]?.name ?? person, groups };
  process.stdout.write(`ok ${person}\n`);
});
process.stdin.on('end', () => idp.close().then(() => process.exit(0)));
