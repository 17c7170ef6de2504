package io.zkml4j.testchain;

import java.nio.file.Path;

/**
  * Run in a child JVM by {@link HardhatNodeIT}: starts a node, prints {@code <port> <pid>}, and exits
  * without closing it, leaving the cleanup to {@link HardhatNode}'s shutdown hook.
  */
public final class ShutdownHookProbe {

    private ShutdownHookProbe() {
    }

    public static void main(String[] args) {
        HardhatNode node = HardhatNode.builder().logFile(Path.of(args[0])).start();
        System.out.println(node.port() + " " + node.pid());
        System.out.flush();
        System.exit(0);
    }
}
