import Foundation
import JourneyModel

/// Everything the engine holds about one lead while it is in flight. A reference type: the
/// run mutates it in place many times per wake-up, and it never leaves the run's thread.
final class LeadState {
    // Stored properties are laid out in declaration order: what the scheduler reads at every
    // wake-up (`JourneyEngine.nextDue`) comes first, in the object's first two cache lines;
    // with many leads in flight each wake-up otherwise missed the cache on three or four.
    /// Admission number: the lead's place in the cohort, and its scheduler identity.
    let slot: Int
    /// The ticket of the lead's live wake-up (`WakeUpQueue`), if it has one.
    var wakeTicket: UInt64?
    var execution: ExecutionState?
    /// After an execution ends without converting, its conversions are still watched (for split
    /// lift) until the horizon or the next entry.
    var conversionWatch: ConversionWatch?
    /// Recorded events in time order; `recordedCursor` is the next one to process. On the
    /// wall clock events are appended as they arrive.
    var recorded: [LeadEvent]
    var recordedCursor = 0
    /// Simulated events still to be processed, in time order (stable for equal times).
    var simulatedPending: [LeadEvent] = []
    var rotations = 0
    /// The next fire time of a time trigger that concerns this lead.
    var nextTriggerFire: Date?
    /// On the wall clock, when the lead's properties changed and have not been looked at yet
    /// (condition triggers, the goal, handoff rules).
    var propertiesChangedAt: Date?
    var creationHandled = false
    var lead: Lead {
        didSet {
            propertiesVersion &+= 1
            zoneSpan = .none
            consentMask = Self.mask(of: lead.consents)
        }
    }
    /// `lead.consents` by channel ordinal, one bit each: every send asks, and a set hashes.
    private var consentMask: UInt8
    /// The offset span of the lead's zone last asked about (quiet hours ask at every send).
    private var zoneSpan = ZoneOffsets.Span.none
    let behavior: LeadBehavior
    /// Whether this lead's responses come from its recorded events (else the behavior model).
    let respondsAsRecorded: Bool
    /// Everything that happened or will happen to the lead: recorded events, messages sent
    /// (`sent`) and simulated responses. Conditions ignore events after their `now`, so
    /// future simulated responses may sit here before their time.
    var history: [LeadEvent] {
        didSet { historyVersion &+= 1 }
    }
    /// Bumped whenever the lead's properties, or its history, change: with the clock and the
    /// rotation they tell whether a condition evaluated before could give another answer now.
    private(set) var propertiesVersion = 0
    private(set) var historyVersion = 0
    /// The last instant the goal was found unmet, with what it was evaluated on.
    var goalUnmetAt: GoalCheck?
    /// Condition triggers enter when the condition comes to hold: its value at the last check.
    var conditionTriggerHeld = false
    /// Which audience leaves have refused the lead (see `EntryTally.audienceRefused`).
    var audienceRefusals: UInt64 = 0
    var lastEntryAt: Date?
    /// Messages sent whose response record is still open, one per channel: a later send on the
    /// channel closes it (recorded responses after that belong to the later message). A replay
    /// that simulates responses records each message at its send and keeps none open.
    var openMessages = OpenMessages()
    var lastSentChannel: Channel?
    /// Lifetime counters that number this lead's draws, so every draw has its own coordinates.
    var messageOrdinal = 0
    /// The hash of the run's seed and the lead's id that starts every draw of the lead.
    var drawHash: StableHash?
    var webhookOrdinal = 0
    /// The agent holding the lead (its capacity is taken until the execution ends).
    var heldAgentID: String?
    /// Handoffs of this lead waiting in the router's queue.
    var queuedHandoffs = 0
    var previousAgents: [String] = []
    var conversation: [ConversationEntry] = []

    init(slot: Int, member: CohortLead, behavior: LeadBehavior, respondsAsRecorded: Bool) {
        self.slot = slot
        self.lead = member.lead
        self.consentMask = Self.mask(of: member.lead.consents)
        self.behavior = behavior
        self.respondsAsRecorded = respondsAsRecorded
        self.recorded = member.events
        self.history = member.events
    }

    var id: String { lead.id }

    /// The lead's zone's offset from UTC at `now`, in seconds.
    func utcOffset(at now: Date) -> Int {
        if !zoneSpan.holds(now) { zoneSpan = ZoneOffsets.span(in: lead.timeZone, at: now) }
        return zoneSpan.offset
    }

    /// Whether the lead consents to messages on `channel`.
    func consents(to channel: Channel) -> Bool {
        consentMask & (1 << UInt8(channel.ordinal)) != 0
    }

    private static func mask(of consents: Set<Channel>) -> UInt8 {
        // Walked rather than asked channel by channel: a walk hashes nothing.
        consents.reduce(0) { $0 | (1 << UInt8($1.ordinal)) }
    }

    /// Whether the offset last asked about (`utcOffset(at:)`) holds through `later` as well:
    /// both lie in one span of the zone without a transition.
    func offsetHolds(through later: Date) -> Bool { zoneSpan.holds(later) }

    /// The lead's current score property as a number.
    var score: Double? { lead.properties["score"]?.number }

    func context(at now: Date) -> EvaluationContext {
        EvaluationContext(lead: lead, events: history, now: now, enteredAt: execution?.startedAt)
    }

    /// Adds a simulated event to process at its time, after any already due at that time.
    func scheduleSimulated(_ event: LeadEvent) {
        let index = simulatedPending.firstIndex { $0.time > event.time } ?? simulatedPending.count
        simulatedPending.insert(event, at: index)
        history.append(event)
    }

    /// Keeps the conversation an agent receives to its most recent part.
    func appendConversation(_ entry: ConversationEntry) {
        conversation.append(entry)
        if conversation.count > Self.conversationLimit { conversation.removeFirst() }
    }

    static let conversationLimit = 50
}

/// What a goal evaluation depended on. A goal reading only properties depends on them alone;
/// any other leaf also reads the clock (event counts change as simulated events come due,
/// windows slide), the history and the rotation (`days_since_entry`); those parts are nil
/// for a properties-only goal.
struct GoalCheck: Equatable {
    var propertiesVersion: Int
    var time: Date?
    var historyVersion: Int?
    var rotation: Int?
    var inExecution: Bool?
}

/// A finished, unconverted execution whose conversion is still of interest.
struct ConversionWatch: Codable {
    var execution: ExecutionKey
    var splitPaths: [SplitChoice]
}
