package dev.chatdirectory.reliability;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.UserOperations;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-memory provider with the faults a network would add: a wrapper whose facets fail the calls
 * {@link ChaosFaults} picks with the exceptions an HTTP adapter throws, before or after the call is
 * applied, and which dies at the {@link ChaosCrash} write. Thread-safe like the directory it wraps.
 */
final class FaultyDirectory {

    private static final Set<String> WRITES = Set.of(
            "create",
            "update",
            "delete",
            "deactivate",
            "reactivate",
            "transferOwnership",
            "add",
            "remove",
            "changeRole",
            "ban",
            "unban");

    private FaultyDirectory() {}

    /**
     * Wraps a directory.
     *
     * @param delegate the directory that holds the state
     * @param faults which calls fail
     * @param crash where the process dies; once it has, every later write dies too
     * @return the wrapper
     */
    static ChatDirectory wrap(ChatDirectory delegate, ChaosFaults faults, ChaosCrash crash) {
        return (ChatDirectory) Proxy.newProxyInstance(
                ChatDirectory.class.getClassLoader(), new Class<?>[] {ChatDirectory.class}, (proxy, method, args) -> {
                    Object result = invoke(delegate, method, args);
                    return switch (method.getName()) {
                        case "users" -> facet(UserOperations.class, result, faults, crash);
                        case "groups" -> facet(GroupOperations.class, result, faults, crash);
                        case "members" -> facet(MemberOperations.class, result, faults, crash);
                        case "presence" -> facet(PresenceOperations.class, result, faults, crash);
                        default -> result;
                    };
                });
    }

    private static Object facet(Class<?> type, Object delegate, ChaosFaults faults, ChaosCrash crash) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                // stream(...) and friends page through list(...), which is where the faults fall
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return invoke(delegate, method, args);
            }
            String call = type.getSimpleName() + "." + method.getName() + Arrays.deepToString(args);
            boolean write = WRITES.contains(method.getName());
            if (write && (crash.fired() || crash.isCrashWrite(type.getSimpleName() + "." + method.getName()))) {
                if (crash.afterApplied() && !crash.fired()) {
                    invoke(delegate, method, args);
                }
                crash.fire();
                throw new ChaosCrash.Died("the migrating process died at " + crash.describe());
            }
            Optional<ChaosFaults.Kind> fault = faults.decide(call);
            if (fault.isEmpty()) {
                return invoke(delegate, method, args);
            }
            ChaosFaults.Kind kind = fault.get();
            if (kind == ChaosFaults.Kind.SLOW) {
                LockSupport.parkNanos(ChaosProxy.SLOW.toNanos());
                return invoke(delegate, method, args);
            }
            if (kind.applied()) {
                invoke(delegate, method, args);
            }
            ErrorContext context = ErrorContext.of("memory");
            if (kind == ChaosFaults.Kind.HTTP_429) {
                throw new RateLimitedException("injected rate limit", context, Duration.ofMillis(50));
            }
            throw new ProviderUnavailableException("injected " + kind, context);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
