package io.zkml4j.algebra.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Adds the random seed to the message of every failing test, so the failure can be replayed with
 * {@code -Dzkml.test.seed=N}.
 */
public final class SeedExtension implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof TestAbortedException) {
            throw throwable;
        }
        AssertionError withSeed = new AssertionError(throwable.getMessage()
                + "\n[zkml.test.seed=" + Seeds.seed() + "; rerun with -Dzkml.test.seed=" + Seeds.seed() + "]",
                throwable);
        withSeed.setStackTrace(throwable.getStackTrace());
        throw withSeed;
    }
}
