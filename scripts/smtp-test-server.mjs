// A real SMTP server for the tests, on loopback only: every message received is written as an .eml file.
// Usage: node scripts/smtp-test-server.mjs <dir> [port]   (port 0 or absent: any free port)
// Prints "listening <port>" on stdout once it accepts connections. Needs smtp-server, installed by
// scripts/install-test-deps under .test-deps/ (the tests find it there).
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, ".test-deps", "node_modules", "_"));
const { SMTPServer } = require("smtp-server");

const dir = process.argv[2];
const port = Number(process.argv[3] ?? 0);
if (!dir) { console.error("usage: smtp-test-server.mjs <dir> [port]"); process.exit(2); }
mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", c => chunks.push(c));
    stream.on("end", () => {
      n += 1;
      const name = join(dir, `${Date.now()}-${process.pid}-${n}.eml`);
      writeFileSync(name + ".tmp", Buffer.concat(chunks));
      // rename is atomic: a reader never sees half a message
      import("node:fs").then(fs => { fs.renameSync(name + ".tmp", name); callback(); });
    });
  },
});
server.on("error", e => console.error("smtp-test-server:", e.message));
server.listen(port, "127.0.0.1", () => console.log(`listening ${server.server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
