package dev.chatdirectory.model;

import static dev.chatdirectory.testing.RequestAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Patch")
class PatchTest {

    @Nested
    @DisplayName("kinds")
    class Kinds {

        @Test
        @DisplayName("unchanged is neither set nor clear and has no value")
        void unchanged() {
            Patch<String> patch = Patch.unchanged();

            assertThat(patch.isUnchanged()).isTrue();
            assertThat(patch.isSet()).isFalse();
            assertThat(patch.isClear()).isFalse();
            assertThat(patch.setValue()).isEmpty();
            assertThatThrownBy(patch::value).isInstanceOf(NoSuchElementException.class);
        }

        @Test
        @DisplayName("clear is neither set nor unchanged and has no value")
        void clear() {
            Patch<String> patch = Patch.clear();

            assertThat(patch.isClear()).isTrue();
            assertThat(patch.isSet()).isFalse();
            assertThat(patch.isUnchanged()).isFalse();
            assertThat(patch.setValue()).isEmpty();
            assertThatThrownBy(patch::value)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("clear");
        }

        @Test
        @DisplayName("set carries its value")
        void set() {
            Patch<String> patch = Patch.set("v");

            assertThat(patch.isSet()).isTrue();
            assertThat(patch.isClear()).isFalse();
            assertThat(patch.isUnchanged()).isFalse();
            assertThat(patch.value()).isEqualTo("v");
            assertThat(patch.setValue()).contains("v");
        }

        @Test
        @DisplayName("set refuses null as an invalid request and points to clear()")
        void setNull() {
            assertInvalid(() -> Patch.set(null), "patch", "Patch.clear()");
        }
    }

    @Nested
    @DisplayName("applyTo")
    class ApplyTo {

        @Test
        @DisplayName("unchanged keeps the current value, present or not")
        void unchanged() {
            assertThat(Patch.<String>unchanged().applyTo(Optional.of("old"))).contains("old");
            assertThat(Patch.<String>unchanged().applyTo(Optional.empty())).isEmpty();
        }

        @Test
        @DisplayName("set replaces the current value, present or not")
        void set() {
            assertThat(Patch.set("new").applyTo(Optional.of("old"))).contains("new");
            assertThat(Patch.set("new").applyTo(Optional.empty())).contains("new");
        }

        @Test
        @DisplayName("clear removes the current value, present or not")
        void clear() {
            assertThat(Patch.<String>clear().applyTo(Optional.of("old"))).isEmpty();
            assertThat(Patch.<String>clear().applyTo(Optional.empty())).isEmpty();
        }
    }

    @Nested
    @DisplayName("map and ifSet")
    class MapAndIfSet {

        @Test
        @DisplayName("map transforms only a set value and keeps the kind of the others")
        void map() {
            assertThat(Patch.set("a").map(String::toUpperCase)).isEqualTo(Patch.set("A"));
            assertThat(Patch.<String>clear().map(String::length)).isEqualTo(Patch.clear());
            assertThat(Patch.<String>unchanged().map(String::length)).isEqualTo(Patch.unchanged());
        }

        @Test
        @DisplayName("map never calls the mapper for unchanged or clear")
        void mapLazy() {
            List<String> seen = new ArrayList<>();
            Patch.<String>clear().map(v -> {
                seen.add(v);
                return v;
            });
            Patch.<String>unchanged().map(v -> {
                seen.add(v);
                return v;
            });

            assertThat(seen).isEmpty();
        }

        @Test
        @DisplayName("ifSet runs the action only for a set value")
        void ifSet() {
            List<String> seen = new ArrayList<>();
            Patch.set("a").ifSet(seen::add);
            Patch.<String>clear().ifSet(seen::add);
            Patch.<String>unchanged().ifSet(seen::add);

            assertThat(seen).containsExactly("a");
        }
    }

    @Test
    @DisplayName("equality and hash code follow kind and value")
    void equality() {
        assertThat(Patch.set("a")).isEqualTo(Patch.set("a")).hasSameHashCodeAs(Patch.set("a"));
        assertThat(Patch.set("a")).isNotEqualTo(Patch.set("b"));
        assertThat(Patch.<String>clear()).isEqualTo(Patch.clear()).isNotEqualTo(Patch.unchanged());
        assertThat(Patch.<String>unchanged()).isEqualTo(Patch.unchanged());
    }

    @Test
    @DisplayName("toString names the kind and the set value")
    void toStringShowsKind() {
        assertThat(Patch.set("a")).hasToString("set(a)");
        assertThat(Patch.clear()).hasToString("clear");
        assertThat(Patch.unchanged()).hasToString("unchanged");
    }
}
