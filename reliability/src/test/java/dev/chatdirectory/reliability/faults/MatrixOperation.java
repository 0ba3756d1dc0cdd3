package dev.chatdirectory.reliability.faults;

import dev.chatdirectory.Capability;
import dev.chatdirectory.reliability.faults.Expectation.Safety;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One operation of one provider in the matrix.
 *
 * @param name the operation, as the table shows it
 * @param needs the capability it needs beyond the portable core, if any
 * @param method the HTTP method of its principal request, the one faults strike
 * @param path the path of its principal request, a regular expression
 * @param safety how the adapter may repeat the principal request
 * @param failsPerItem whether the adapter reports a failed request as that item's outcome instead of
 *     throwing (per-user calls of a batch)
 * @param repeatAnswered requests the adapter adds (or, negative, saves) when the repeat of a write
 *     whose answer was lost after it was applied is answered "already so", to read that answer
 * @param scenario builds a run
 */
record MatrixOperation(
        String name,
        Optional<Capability> needs,
        String method,
        Pattern path,
        Safety safety,
        boolean failsPerItem,
        int repeatAnswered,
        Scenario.Factory scenario) {

    static MatrixOperation of(String name, String method, String path, Safety safety, Scenario.Factory scenario) {
        return new MatrixOperation(name, Optional.empty(), method, Pattern.compile(path), safety, false, 0, scenario);
    }

    /** {@return this operation, needing a capability} */
    MatrixOperation needing(Capability capability) {
        return new MatrixOperation(
                name, Optional.of(capability), method, path, safety, failsPerItem, repeatAnswered, scenario);
    }

    /**
     * {@return this operation, whose adapter sends {@code requests} more (or fewer) to read the
     * "already so" answer of a repeat after a lost answer}
     */
    MatrixOperation readingRepeatWith(int requests) {
        return new MatrixOperation(name, needs, method, path, safety, failsPerItem, requests, scenario);
    }

    /** {@return this operation, reporting failures as item outcomes} */
    MatrixOperation failingPerItem() {
        return new MatrixOperation(name, needs, method, path, safety, true, repeatAnswered, scenario);
    }
}
