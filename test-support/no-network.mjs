/*
 * Preloaded (node --import) into a third-party tool a test runs, to show the
 * tool works offline: every outgoing network connection or DNS look-up it
 * tries is reported on stderr as "network access attempted", which the test
 * refuses, and then fails as it would on a machine without a network.
 */
import dns from 'node:dns';
import net from 'node:net';

const report = (what) => process.stderr.write(`network access attempted: ${what}\n`);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = args[0];
  // Local IPC (a path) is not the network.
  if (o && typeof o === 'object' && 'path' in o && o.path) return connect.apply(this, args);
  report(JSON.stringify(typeof o === 'object' ? { host: o.host, port: o.port } : args.slice(0, 2)));
  throw new Error('no network in this test');
};
dns.lookup = function (host, ...rest) {
  report(`dns ${host}`);
  const callback = rest.at(-1);
  if (typeof callback === 'function') process.nextTick(callback, new Error(`no network in this test (${host})`));
  return undefined;
};
