#!/usr/bin/env node
// The installed `fiw`. It exists in the repository (the bundle is built after
// install), so npm can link the command on a fresh `npm ci`.
import '../bundle/fiw.js';
