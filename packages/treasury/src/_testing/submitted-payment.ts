import { submitPayment } from "../submit-payment";
import { control, payment, treasuryStore } from "./treasury-fixtures";

/** A store with quota Q1, a tracking control C302, and payment ZF001 (10,000.00 yuan) submitted. */
export async function submittedPayment(): Promise<Awaited<ReturnType<typeof treasuryStore>>> {
  const t = await treasuryStore(undefined, [control({ policy: "track" })]);
  await submitPayment(t.store, payment(), t.context);
  return t;
}
