package io.zkml4j.cli;

/**
 * A problem with the user's input that a command detected itself: the message is complete (it names
 * the file and what was wrong) and is printed as it is, with exit code {@link ExitCodes#BAD_INPUT}.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
