// Prints the size of a packaged file (the .vsix) and what it holds, for the README's figure.
const fs = require('node:fs');
const file = process.argv[2];
const bytes = fs.statSync(file).size;
console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB (${bytes.toLocaleString('en-US')} bytes)`);
