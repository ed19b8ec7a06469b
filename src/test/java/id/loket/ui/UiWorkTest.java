package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** No toolkit: the background runs the work at once, the "JavaFX thread" queues it until {@link #drain()}. */
class UiWorkTest {

    private final List<Runnable> fxQueue = new ArrayList<>();
    private final Executor fxThread = fxQueue::add;
    private final List<Object> values = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void theValueIsDeliveredOnTheFxThread() {
        new UiWork(Runnable::run, fxThread).run(() -> "done", values::add, failures::add);

        assertThat(values).as("nothing before the JavaFX thread runs").isEmpty();
        drain();
        assertThat(values).containsExactly("done");
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailureIsDeliveredAsTheWorkThrewIt() {
        IllegalStateException thrown = new IllegalStateException("database is locked");

        new UiWork(Runnable::run, fxThread).run(() -> {
            throw thrown;
        }, values::add, failures::add);
        drain();

        assertThat(failures).containsExactly(thrown);
        assertThat(values).isEmpty();
    }

    @Test
    void anErrorIsDeliveredToo() {
        AssertionError thrown = new AssertionError("not a RuntimeException");

        new UiWork(Runnable::run, fxThread).run(() -> {
            throw thrown;
        }, values::add, failures::add);
        drain();

        assertThat(failures).containsExactly(thrown);
    }

    @Test
    void unwrapTakesOffEveryCompletionException() {
        IllegalArgumentException cause = new IllegalArgumentException("bad");
        CompletionException bare = new CompletionException("no cause", null);

        assertThat(UiWork.unwrap(new CompletionException(new CompletionException(cause)))).isSameAs(cause);
        assertThat(UiWork.unwrap(cause)).isSameAs(cause);
        assertThat(UiWork.unwrap(bare)).isSameAs(bare);
    }

    @Test
    void aRefusingExecutorIsLoggedAndTheWorkDroppedNotThrown() {
        List<String> ran = new ArrayList<>();
        UiWork work = new UiWork(task -> {
            throw new RejectedExecutionException("shutting down");
        }, fxThread);

        assertThatCode(() -> work.run(() -> ran.add("work"), values::add, failures::add)).doesNotThrowAnyException();
        drain();

        assertThat(ran).isEmpty();
        assertThat(values).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aScreenCanAnswerARefusalItself() {
        List<RejectedExecutionException> refusals = new ArrayList<>();
        RejectedExecutionException refusal = new RejectedExecutionException("shutting down");

        new UiWork(task -> {
            throw refusal;
        }, fxThread).run(() -> "never", values::add, failures::add, refusals::add);

        assertThat(refusals).as("at once, on the calling thread").containsExactly(refusal);
        assertThat(fxQueue).isEmpty();
        assertThat(values).isEmpty();
        assertThat(failures).isEmpty();
    }

    private void drain() {
        while (!fxQueue.isEmpty()) {
            fxQueue.remove(0).run();
        }
    }
}
