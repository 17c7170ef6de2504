// Never exits on its own, and starts a child that never exits either: the harness must kill both.
const { spawn } = require("child_process");
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
process.stdout.write("child " + child.pid + "\n");
setInterval(() => {}, 1000);
