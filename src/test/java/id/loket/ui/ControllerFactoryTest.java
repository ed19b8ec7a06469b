package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {

    static final class Registered {}

    static final class Forgotten {}

    @Test
    void buildsANewControllerFromItsSupplierEachTime() {
        ControllerFactory factory = ControllerFactory.builder().register(Registered.class, Registered::new).build();

        Object first = factory.call(Registered.class);
        Object second = factory.call(Registered.class);

        assertThat(first).isInstanceOf(Registered.class);
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void failsLoudlyOnAnUnregisteredController() {
        ControllerFactory factory = ControllerFactory.builder().register(Registered.class, Registered::new).build();

        assertThatThrownBy(() -> factory.call(Forgotten.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Forgotten.class.getName())
                .hasMessageContaining("register it in the composition root");
    }

    @Test
    void refusesToRegisterAControllerTwice() {
        ControllerFactory.Builder builder = ControllerFactory.builder().register(Registered.class, Registered::new);

        assertThatThrownBy(() -> builder.register(Registered.class, Registered::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registered twice");
    }

    @Test
    void refusesASupplierThatBuildsNothing() {
        ControllerFactory factory = ControllerFactory.builder().register(Registered.class, () -> null).build();

        assertThatThrownBy(() -> factory.call(Registered.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built null");
    }
}
