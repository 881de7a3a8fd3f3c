package dev.ipcgen.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SocketFileSettingsTest {

    @Test
    void defaults_isOwnerReadWriteOnly() {
        SocketFileSettings settings = SocketFileSettings.defaults();
        assertThat(settings.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(settings.mode()).isEqualTo("0600");
        assertThat(settings.group()).isEmpty();
    }

    @Test
    void withMode_acceptsThreeOrFourDigits() {
        assertThat(SocketFileSettings.withMode("0660").permissions())
                .isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        assertThat(SocketFileSettings.withMode("644").permissions())
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SocketFileSettings.withMode("0777").mode()).isEqualTo("0777");
        assertThat(SocketFileSettings.withMode("000").mode()).isEqualTo("0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "60", "0999", "4755", "01777", "rw-------", "0o600", "+0600", "00600"})
    void withMode_rejectsOtherStrings(String mode) {
        assertThatThrownBy(() -> SocketFileSettings.withMode(mode))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socket file mode '" + mode
                        + "' is invalid (expected 3 or 4 octal digits with no special bits, such as 0600 or 0660)");
    }

    @Test
    void withGroup_keepsModeAndRejectsBlank() {
        SocketFileSettings settings = SocketFileSettings.withMode("0660").withGroup("ipc");
        assertThat(settings).hasToString("mode 0660, group ipc");
        assertThatThrownBy(() -> settings.withGroup(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socket file group is blank: give a group name, or none");
    }
}
