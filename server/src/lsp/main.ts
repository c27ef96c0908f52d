// Entry point of dist/server.js, the bundle the VS Code client starts (over --node-ipc). Other editors
// start the same server with `newslens lsp --stdio`.
import { startServer } from './server';

startServer();
