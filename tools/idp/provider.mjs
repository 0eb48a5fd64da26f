// A small, real OpenID provider for development and tests, built on oidc-provider (certified).
// Its demo people sign in on its own development login page with any password; their groups are
// in the `groups` claim (scope `profile`), as Keycloak and Entra ID send them.
import Provider from 'oidc-provider';

/** Demo people, by login name (what one types on the provider's page). */
export const IDP_PEOPLE = {
  'fm.sso@example.org': { name: 'Frieda Facility', groups: ['fm-team'] },
  'front.sso@example.org': { name: 'Fritz Front', groups: ['front-desk'] },
  'admin.sso@example.org': { name: 'Ada Admin', groups: ['flexdesk-admins', 'IT'] },
  'plain.sso@example.org': { name: 'Paula Plain', groups: [] },
  // The same address as a seeded local account: the first sign-in links it.
  'employee@example.com': { name: 'Erika Mustermann', groups: ['Bürgerservice'] },
};

/** The role map that fits the demo people (OIDC_ROLE_MAP). */
export const IDP_ROLE_MAP = 'facility_manager=fm-team;receptionist=front-desk;admin=flexdesk-admins';
export const IDP_CLIENT = { id: 'flexdesk', secret: 'flexdesk-dev-secret-not-for-production' };

/**
 * Starts the provider on `port` (0 = any free one) and returns its issuer URL. `redirectUris` and
 * `postLogoutRedirectUris` are the Flexdesk addresses allowed to receive its answers. `people`
 * may be changed while it runs (e.g. to move someone out of a group between sign-ins).
 */
export async function startIdp({ port = 0, redirectUris, postLogoutRedirectUris = [], people = IDP_PEOPLE }) {
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT.id,
        client_secret: IDP_CLIENT.secret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: id, email_verified: true, name: person.name, groups: person.groups }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    // Flexdesk is the organisation's own app: no consent screen, as a real deployment would set it up.
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['flexdesk-test-idp-cookie-key'] },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
  });
  // Quiet: a failed test is explained by Flexdesk's side; the provider's own errors are expected ones.
  provider.on('server_error', (_ctx, err) => process.stderr.write(`idp: ${err.message}\n`));
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
