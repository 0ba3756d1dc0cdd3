package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The change an update makes to one optional field: leave it alone, set it, or clear it.
 *
 * <p>Update requests ({@link UserUpdate}, {@link GroupUpdate}) hold one {@code Patch} per field so
 * that "not mentioned" and "remove the value" are different things. Immutable and thread-safe.
 *
 * @param <T> the field's type
 */
public final class Patch<T> {

    private enum Kind {
        UNCHANGED,
        SET,
        CLEAR
    }

    private static final Patch<?> UNCHANGED = new Patch<>(Kind.UNCHANGED, null);
    private static final Patch<?> CLEAR = new Patch<>(Kind.CLEAR, null);

    private final Kind kind;
    private final T value;

    private Patch(Kind kind, T value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * {@return the patch that leaves the field as it is}
     *
     * @param <T> the field's type
     */
    @SuppressWarnings("unchecked")
    public static <T> Patch<T> unchanged() {
        return (Patch<T>) UNCHANGED;
    }

    /**
     * {@return the patch that removes the field's value}
     *
     * @param <T> the field's type
     */
    @SuppressWarnings("unchecked")
    public static <T> Patch<T> clear() {
        return (Patch<T>) CLEAR;
    }

    /**
     * Returns the patch that sets the field.
     *
     * @param value the new value, not {@code null}
     * @return the patch
     * @throws InvalidRequestException naming {@code patch} if value is {@code null}; use {@link
     *     #clear()} to remove a value
     * @param <T> the field's type
     */
    public static <T> Patch<T> set(T value) {
        if (value == null) {
            throw InvalidRequestException.of("patch", "must not set null; use Patch.clear() to remove a value");
        }
        return new Patch<>(Kind.SET, value);
    }

    /** {@return whether this patch leaves the field alone} */
    public boolean isUnchanged() {
        return kind == Kind.UNCHANGED;
    }

    /** {@return whether this patch sets a value} */
    public boolean isSet() {
        return kind == Kind.SET;
    }

    /** {@return whether this patch removes the value} */
    public boolean isClear() {
        return kind == Kind.CLEAR;
    }

    /**
     * Returns the value this patch sets.
     *
     * @return the value
     * @throws NoSuchElementException if this patch does not set a value
     */
    public T value() {
        if (kind != Kind.SET) {
            throw new NoSuchElementException("patch " + this + " sets no value");
        }
        return value;
    }

    /** {@return the value this patch sets, empty for unchanged and clear} */
    public Optional<T> setValue() {
        return Optional.ofNullable(value);
    }

    /**
     * Applies this patch to a current value.
     *
     * @param current the current value, empty when there is none
     * @return the value after the patch
     */
    public Optional<T> applyTo(Optional<T> current) {
        return switch (kind) {
            case UNCHANGED -> current;
            case SET -> Optional.of(value);
            case CLEAR -> Optional.empty();
        };
    }

    /**
     * Transforms the value of a set patch; unchanged and clear patches are returned as they are.
     *
     * @param mapper the transformation, must not return {@code null}
     * @return the transformed patch
     * @param <R> the new value type
     */
    public <R> Patch<R> map(Function<? super T, ? extends R> mapper) {
        return kind == Kind.SET ? Patch.set(mapper.apply(value)) : kind == Kind.CLEAR ? clear() : unchanged();
    }

    /**
     * Runs the action with the value when this patch sets one.
     *
     * @param action what to do with the value
     */
    public void ifSet(Consumer<? super T> action) {
        if (kind == Kind.SET) {
            action.accept(value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patch<?> other && kind == other.kind && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNCHANGED -> "unchanged";
            case CLEAR -> "clear";
            case SET -> "set(" + value + ")";
        };
    }
}
