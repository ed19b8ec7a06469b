/**
 * Clerks' shifts: {@link id.loket.shift.ShiftService} opens a shift with a float in its own drawer account
 * ({@code cash_drawer:shift-N}) and closes it with the counted cash, the over/short going to {@code cash_over_short};
 * {@link id.loket.shift.ShiftStore} is its port. The package does not depend on {@code payment} (payments depend on
 * shifts): the store hands it the payments of a shift as {@link id.loket.shift.ShiftPayment}s.
 */
package id.loket.shift;
