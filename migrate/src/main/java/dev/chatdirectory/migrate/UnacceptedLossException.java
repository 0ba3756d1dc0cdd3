package dev.chatdirectory.migrate;

import java.util.Set;

/** {@code apply} refused to start: the plan reports losses that the options do not accept. */
public class UnacceptedLossException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient LossReport report;
    private final Set<LossKind> unaccepted;

    /**
     * Creates the exception.
     *
     * @param report the plan's loss report
     * @param unaccepted the kinds present and not accepted
     */
    public UnacceptedLossException(LossReport report, Set<LossKind> unaccepted) {
        super("the plan loses " + unaccepted + " and these losses are not accepted; accept them with"
                + " MigrationOptions.Builder.acceptLosses (or acceptAllLosses):\n" + report.toText());
        this.report = report;
        this.unaccepted = Set.copyOf(unaccepted);
    }

    /** {@return the plan's loss report} */
    public LossReport report() {
        return report;
    }

    /** {@return the kinds of loss present and not accepted} */
    public Set<LossKind> unaccepted() {
        return unaccepted;
    }
}
