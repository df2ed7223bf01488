// Runs azurite-blob (same arguments) and stops it as soon as the process that started it is gone: the tests hold
// this process's stdin open, so its end (test host finished, crashed or killed) ends Azurite too. No run leaves it behind.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
require("azurite/dist/src/blob/main.js");
