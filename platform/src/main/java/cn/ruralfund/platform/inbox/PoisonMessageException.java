package cn.ruralfund.platform.inbox;

/** A record that can never be applied; it goes to the dead-letter topic with this message as the reason. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
