#!/usr/bin/env node
// npm run dev:idp — the test OpenID provider for trying single sign-on locally. Prints the
// settings to start Flexdesk with.
import { IDP_CLIENT, IDP_PEOPLE, IDP_ROLE_MAP, startIdp } from './provider.mjs';

const port = Number(process.env.IDP_PORT ?? 4400);
const app = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const idp = await startIdp({
  port,
  redirectUris: [`${app}/api/auth/oidc/callback`],
  postLogoutRedirectUris: [`${app}/login`],
});
process.stdout.write(`Test OpenID provider at ${idp.issuer}. Start Flexdesk with:

  OIDC_ISSUER=${idp.issuer} OIDC_ALLOW_INSECURE=true OIDC_CLIENT_ID=${IDP_CLIENT.id} \\
  OIDC_CLIENT_SECRET=${IDP_CLIENT.secret} OIDC_ROLE_MAP='${IDP_ROLE_MAP}' \\
  OIDC_LABEL='Test-IdP' PUBLIC_URL=${app} npm start

Sign in on its page as one of (any password): ${Object.keys(IDP_PEOPLE).join(', ')}
`);
process.on('SIGINT', () => idp.close().then(() => process.exit(0)));
