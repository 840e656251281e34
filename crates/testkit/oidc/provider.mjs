// A real OpenID provider (oidc-provider, certified) for the OIDC sign-in tests;
// `atrium_testkit::oidc` starts one per test. Everything comes from the environment:
//
//   PORT            loopback port to listen on (the issuer is http://127.0.0.1:PORT)
//   CLIENT_ID, CLIENT_SECRET, REDIRECT_URI   the one registered client (Atrium under test)
//   TAMPER          none | foreign-key | wrong-audience | expired | wrong-issuer |
//                   wrong-nonce: how the token
//                   endpoint's ID token is altered, so the relying party's checks
//                   can be proven; the provider itself stays unmodified.
//
// Interactions have no HTML: the test POSTs the account to sign in as
// (`sub`, `email`, `email_verified`, `name`, form-encoded) to the interaction URL,
// which logs it in and grants the requested scopes.
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const tamper = process.env.TAMPER || 'none';
const kid = 'atrium-test-key';

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return privateKey;
}

const realKey = await signingKey();
// Same `kid` as the published key: a forger would claim the real key's id.
const foreignKey = await signingKey();
const realJwk = { ...(await exportJWK(realKey)), kid, alg: 'RS256', use: 'sig' };

const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.CLIENT_ID,
    client_secret: process.env.CLIENT_SECRET,
    redirect_uris: [process.env.REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [realJwk] },
  cookies: { keys: [randomUUID()] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scope's claims (email, email_verified, name) in the ID token itself,
  // as Google, Microsoft and most providers do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ ...account }) };
  },
});

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

// The interaction endpoint: login and consent, decided by the posted account.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/[^/]+$/.exec(ctx.path);
  if (!match || ctx.method !== 'POST') return next();
  const form = await readForm(ctx.req);
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params } = details;
  let accountId = details.session?.accountId;
  const result = {};
  if (prompt.name === 'login') {
    accountId = form.get('sub') || form.get('email');
    accounts.set(accountId, {
      sub: accountId,
      email: form.get('email'),
      email_verified: form.get('email_verified') === 'true',
      name: form.get('name') || undefined,
    });
    result.login = { accountId };
  }
  const grant = new provider.Grant({ accountId, clientId: params.client_id });
  grant.addOIDCScope(String(params.scope));
  result.consent = { grantId: await grant.save() };
  ctx.respond = false;
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
});

// The tamper modes: re-issue the token endpoint's ID token with one thing wrong.
provider.use(async (ctx, next) => {
  await next();
  if (tamper === 'none' || ctx.path !== '/token' || !ctx.body?.id_token) return;
  const claims = decodeJwt(ctx.body.id_token);
  let key = realKey;
  const now = Math.floor(Date.now() / 1000);
  if (tamper === 'foreign-key') key = foreignKey;
  else if (tamper === 'wrong-audience') claims.aud = 'some-other-client';
  else if (tamper === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  else if (tamper === 'wrong-issuer') claims.iss = 'https://issuer.invalid';
  else if (tamper === 'wrong-nonce') claims.nonce = 'not-the-nonce-of-this-sign-in';
  else throw new Error(`unknown TAMPER ${tamper}`);
  ctx.body = {
    ...ctx.body,
    id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key),
  };
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer} (tamper: ${tamper})`);
});
