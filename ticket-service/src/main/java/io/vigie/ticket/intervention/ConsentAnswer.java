package io.vigie.ticket.intervention;

/** A client's answer to a proposed intervention. */
public enum ConsentAnswer {
  PENDING,
  ACCEPTED,
  /** Refused, with a reason. */
  DECLINED,
  /** Not then: the client proposes another slot. */
  OTHER_SLOT_PROPOSED
}
