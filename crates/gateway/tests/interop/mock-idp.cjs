// An OpenID provider this project did not write: npm `oauth2-mock-server` (pinned in
// web/package.json), started on a free loopback port for pc-gateway's interop test. Prints
// `listening on URL` (the issuer) and serves until killed. Run with NODE_PATH=web/node_modules.
'use strict';
const { OAuth2Server } = require('oauth2-mock-server');

async function main() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  // Entra-like claims on top of the mock's own (sub, aud = client ID, nonce, amr).
  server.service.on('beforeTokenSigning', (token) => {
    token.payload.name = 'Morgan Mock';
    token.payload.preferred_username = 'morgan@mock.example';
    token.payload.roles = ['AdminAgents'];
    token.payload.amr = ['pwd', 'mfa'];
  });
  await server.start(0, "127.0.0.1");
  // The issuer as the gateway reaches it (the mock would say `localhost`).
  server.issuer.url = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`listening on ${server.issuer.url}\n`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
