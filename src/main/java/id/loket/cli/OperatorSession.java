package id.loket.cli;

import id.loket.users.Operator;

/** The services of one command and the operator it acts as, signed in; closing it closes the services. */
record OperatorSession(CliServices services, Operator operator) implements AutoCloseable {

    @Override
    public void close() {
        services.close();
    }
}
