package id.loket.billing;

import id.loket.core.Money;
import java.time.Instant;

/** The merchant's deposit at the gateway, out of which billers are paid. */
public record DepositBalance(Money balance, Instant asOf) {}
