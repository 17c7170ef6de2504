// Exits with the status given as first argument after writing a marker to each stream.
process.stdout.write("to stdout: " + process.argv.slice(3).join(" ") + "\n");
process.stderr.write("to stderr: something went wrong\n");
process.exit(Number(process.argv[2]));
