import CNCurses

// TerminalUI — the generic terminal toolkit; issue 6 fills it in.
public enum TerminalUIModule {
    public static let name = "TerminalUI"
}
