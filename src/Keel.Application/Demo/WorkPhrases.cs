using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>An incident as people report it on one kind of service: what they write, the category, and how it ends.</summary>
internal sealed record IncidentPhrase(string Title, string Category, string Description, ResolutionCode Code, string Resolution);

/// <summary>
/// The words of the demo work history: incident titles and resolutions per kind of service (the delivering team's
/// field), and the replies, notes and reasons every desk writes. <c>{service}</c>, <c>{site}</c> and <c>{n}</c> are
/// filled in when used.
/// </summary>
internal static class WorkPhrases
{
    public static readonly IReadOnlyList<string> Sites = ["Frankfurt", "Leipzig plant", "Amsterdam", "London office", "New York office", "home office"];

    private static readonly IReadOnlyDictionary<string, IncidentPhrase[]> ByTeam = new Dictionary<string, IncidentPhrase[]>(StringComparer.Ordinal)
    {
        ["Workplace"] =
        [
            new("Laptop does not start after the latest update", "Hardware", "The screen stays black after the logo. I tried a restart twice.", ResolutionCode.SolvedPermanently, "Rolled back the faulty driver and reinstalled the update."),
            new("Printer on floor {n} in {site} jams on every job", "Printer", "Paper jams on every print job since this morning.", ResolutionCode.SolvedPermanently, "Replaced the worn pickup roller."),
            new("Docking station not detecting external monitors", "Hardware", "Both monitors stay dark when I dock the laptop.", ResolutionCode.SolvedPermanently, "Updated the dock firmware; both monitors work again."),
            new("Laptop battery drains within an hour", "Hardware", "The battery is empty after an hour even with the screen dimmed.", ResolutionCode.SolvedPermanently, "Battery swapped under warranty."),
            new("Cannot install software from the company portal", "Software", "The installation stops at 50 % with an error.", ResolutionCode.SolvedRemotely, "Cleared the installer cache remotely; the install completes."),
            new("Phone no longer syncs with the company apps", "Mobile", "The phone asks for my password again and again.", ResolutionCode.SolvedRemotely, "Re-enrolled the phone in device management."),
            new("Laptop is very slow since this week", "Performance", "Everything takes minutes, even opening a file.", ResolutionCode.SolvedWorkaround, "Disabled a stuck indexing job; a new disk is on order."),
            new("Keyboard keys stopped working", "Hardware", "Several keys do nothing any more.", ResolutionCode.SolvedPermanently, "Keyboard replaced on site."),
        ],
        ["Network"] =
        [
            new("VPN drops every few minutes", "VPN", "The VPN disconnects every few minutes when I work from home.", ResolutionCode.SolvedPermanently, "Moved the user to the new VPN gateway profile."),
            new("Cannot connect to the VPN from the {site}", "VPN", "The VPN client says the certificate is not trusted.", ResolutionCode.SolvedRemotely, "Renewed the client certificate remotely."),
            new("Wi-Fi very slow in meeting rooms in {site}", "Wi-Fi", "Video calls freeze in all meeting rooms on the second floor.", ResolutionCode.SolvedPermanently, "Replaced a failing access point and rebalanced the channels."),
            new("No network on the desk ports in {site}", "LAN", "The network port at my desk does not work.", ResolutionCode.SolvedPermanently, "Patched the port to the right switch VLAN."),
            new("Remote access slow for the whole sales team", "VPN", "Opening shared files over the VPN takes minutes.", ResolutionCode.SolvedWorkaround, "Split tunnelling enabled for the collaboration tools; capacity upgrade planned."),
        ],
        ["Collaboration"] =
        [
            new("Outlook does not receive new emails", "Email", "No new mail since this morning, sending still works.", ResolutionCode.SolvedRemotely, "Rebuilt the local mail profile."),
            new("Shared mailbox missing in Outlook", "Email", "The team's shared mailbox disappeared from my folder list.", ResolutionCode.SolvedRemotely, "Re-added the mailbox permission and the folder came back."),
            new("Calendar invitations arrive with the wrong time", "Calendar", "Meetings with New York show an hour off.", ResolutionCode.SolvedPermanently, "Corrected the mailbox time zone setting."),
            new("Video meeting audio cuts out", "Video", "Others cannot hear me for several seconds at a time.", ResolutionCode.SolvedWorkaround, "Switched to the wired headset profile; a driver fix is pending."),
            new("Screen sharing does not work in video meetings", "Video", "Sharing my screen shows a black window to others.", ResolutionCode.SolvedPermanently, "Granted the screen recording permission and updated the client."),
            new("Intranet page shows an error", "Intranet", "The news page shows an error instead of the articles.", ResolutionCode.SolvedPermanently, "Restarted the search service behind the news page."),
            new("Cannot open files in the team site", "Files", "Files in our team site open as read-only.", ResolutionCode.SolvedRemotely, "Fixed the broken permission inheritance on the library."),
            new("Mailbox is full and I cannot send", "Email", "I get a warning that my mailbox is over its quota.", ResolutionCode.SolvedPermanently, "Enabled the online archive and moved old mail."),
        ],
        ["ERP Applications"] =
        [
            new("Invoice posting fails in {service}", "Application error", "Posting invoice batch {n} stops with an error.", ResolutionCode.SolvedPermanently, "Corrected the tax code mapping; the batch posted."),
            new("Month-end report in {service} runs for hours", "Performance", "The month-end report has been running since the morning.", ResolutionCode.SolvedWorkaround, "Killed the blocking session and reran the report at night."),
            new("Cannot approve purchase order {n}", "Workflow", "The approve button is greyed out for my purchase orders.", ResolutionCode.SolvedPermanently, "Fixed the approval limit in the user's role."),
            new("Stock levels in {service} do not match the shelves", "Data", "The system shows stock we do not have in the {site}.", ResolutionCode.SolvedPermanently, "Reposted the stuck goods receipts."),
            new("Shipping labels are not printed", "Printing", "Labels for today's deliveries do not come out of the label printer.", ResolutionCode.SolvedRemotely, "Restarted the print spooler on the label server."),
            new("{service} is very slow for everyone", "Performance", "Every screen takes half a minute to open.", ResolutionCode.SolvedPermanently, "Rebuilt a fragmented index on the database."),
        ],
        ["CRM Applications"] =
        [
            new("Cannot save opportunities in {service}", "Application error", "Saving an opportunity fails with a validation error.", ResolutionCode.SolvedPermanently, "Fixed the validation rule introduced by the last release."),
            new("Customer cases not assigned to agents", "Workflow", "New customer cases stay in the general queue.", ResolutionCode.SolvedPermanently, "Re-enabled the routing rule after the licence renewal."),
            new("Sales forecast dashboard is empty", "Reports", "The forecast dashboard shows no data this week.", ResolutionCode.SolvedRemotely, "Restarted the failed nightly data load."),
            new("Newsletter sending is stuck", "Campaigns", "The campaign scheduled for this morning has not gone out.", ResolutionCode.SolvedWorkaround, "Sent the campaign manually; the scheduler is being fixed."),
            new("Duplicate contacts after the import", "Data", "Many contacts appear twice after yesterday's import.", ResolutionCode.SolvedPermanently, "Merged the duplicates and corrected the import mapping."),
        ],
        ["Software Engineering"] =
        [
            new("Website contact form does not send", "Website", "Customers tell us the contact form shows an error.", ResolutionCode.SolvedPermanently, "Renewed the expired mail relay credentials."),
            new("Product catalogue on the website shows old prices", "Website", "The online catalogue shows last year's prices.", ResolutionCode.SolvedPermanently, "Restarted the price synchronisation and cleared the cache."),
            new("Drawing cannot be checked in to {service}", "Application error", "Checking in drawing {n} fails with a lock error.", ResolutionCode.SolvedRemotely, "Released the stale lock on the drawing."),
            new("Bill of materials export fails", "Integration", "The export to the ERP stops halfway.", ResolutionCode.SolvedPermanently, "Fixed the unit conversion in the export job."),
        ],
        ["HR Systems"] =
        [
            new("Payslip not visible in the self-service", "Payroll", "This month's payslip is not in my documents.", ResolutionCode.SolvedRemotely, "Republished the payslip documents for the month."),
            new("Absence request stuck in approval", "Workflow", "My holiday request has been pending for a week.", ResolutionCode.SolvedPermanently, "Assigned the missing approver after the manager change."),
            new("Cannot complete the mandatory training course", "Learning", "The course stops at the final quiz.", ResolutionCode.SolvedWorkaround, "Marked the course complete; the vendor fixes the quiz."),
            new("Job applications not arriving in {service}", "Recruiting", "No applications for our open position since Monday.", ResolutionCode.SolvedPermanently, "Reconnected the job board feed."),
        ],
        ["Data & Analytics"] =
        [
            new("Sales dashboard shows yesterday's figures", "Reports", "The dashboard has not refreshed since yesterday.", ResolutionCode.SolvedRemotely, "Restarted the failed refresh and added an alert."),
            new("Report export to Excel fails", "Reports", "Exporting the report gives an empty file.", ResolutionCode.SolvedWorkaround, "Export works in the desktop app; the web export is being fixed."),
            new("Figures in the finance report do not add up", "Data", "The totals differ from the ERP by a few thousand euros.", ResolutionCode.SolvedPermanently, "Corrected the currency conversion in the data model."),
        ],
        ["Identity & Access"] =
        [
            new("Account locked after password change", "Account", "I changed my password and now I cannot sign in anywhere.", ResolutionCode.SolvedRemotely, "Unlocked the account and cleared the old cached password."),
            new("Multi-factor prompt never arrives", "MFA", "The sign-in waits for an approval that never appears on my phone.", ResolutionCode.SolvedRemotely, "Re-registered the authenticator app."),
            new("Cannot sign in to {service}", "Access", "Single sign-on shows an access denied page.", ResolutionCode.SolvedPermanently, "Added the user to the application's access group."),
            new("New colleague has no account yet", "Account", "Our new team member started today and cannot sign in.", ResolutionCode.SolvedPermanently, "Created the account from the HR record."),
        ],
    };

    private static readonly IncidentPhrase[] Generic =
    [
        new("{service} shows an error", "Application error", "An error message appears when I open {service}.", ResolutionCode.SolvedRemotely, "Cleared the corrupt session data."),
        new("{service} is slow", "Performance", "{service} takes very long to respond today.", ResolutionCode.SolvedWorkaround, "Restarted the application server; monitoring the cause."),
        new("Cannot access {service}", "Access", "I get an access denied message in {service}.", ResolutionCode.SolvedPermanently, "Restored the missing role assignment."),
        new("Question about {service}", "How-to", "How do I do this in {service}?", ResolutionCode.ResolvedByCaller, "Explained the steps; the caller managed on their own."),
    ];

    /// <summary>The incidents people raise on a service delivered by <paramref name="team"/>, plus the ones every service gets.</summary>
    public static IReadOnlyList<IncidentPhrase> IncidentsFor(string team) =>
        ByTeam.TryGetValue(team, out var own) ? [.. own, .. Generic] : Generic;

    public static readonly IReadOnlyList<string> FirstReplies =
    [
        "Thank you for reporting this. I am looking into it now.",
        "Thanks, I have picked this up and will get back to you shortly.",
        "Hello, I am on it. Could you keep the application open so I can have a look?",
        "Thanks for the details. I am checking the logs now.",
    ];

    public static readonly IReadOnlyList<string> InternalNotes =
    [
        "Checked the logs: the error started after last night's change window.",
        "Same symptom reported by two colleagues in the same team; keeping an eye on it.",
        "Connected remotely; the issue is reproducible.",
        "Known issue in the vendor's release notes; applying the documented fix.",
        "Caller is travelling this week, prefers replies by email.",
        "Related to the certificate renewal last week?",
    ];

    public static readonly IReadOnlyList<string> EscalationNotes =
    [
        "Beyond first line: escalating to {team}.",
        "Needs access we do not have at the desk; sending to {team}.",
        "Reproduced; {team} owns this part, handing over with the details above.",
    ];

    public static readonly IReadOnlyList<string> AskCaller =
    [
        "Could you send a screenshot of the error message?",
        "When did this start, and does it happen on another device too?",
        "Could you tell me the exact time the problem occurred last?",
        "Please try once more after a restart and let me know the result.",
    ];

    public static readonly IReadOnlyList<string> CallerReplies =
    [
        "Screenshot attached. It happened again at 10:15.",
        "It started on Monday. Same on my colleague's laptop.",
        "After the restart it still happens.",
        "Thanks, here is the information you asked for.",
    ];

    public static readonly IReadOnlyList<string> CallerChasers =
    [
        "Is there any update? This is blocking my work.",
        "Any news on this one?",
        "Could someone call me about this please?",
    ];

    public static readonly IReadOnlyList<string> VendorNotes =
    [
        "Opened a case with the vendor, waiting for their analysis.",
        "Vendor asked for a log bundle; sent it.",
        "Replacement part ordered from the vendor.",
    ];

    public static readonly IReadOnlyList<string> ResolvedReplies =
    [
        "This should be working again. Please let us know if it comes back.",
        "Fixed on our side. Could you check and confirm?",
        "Done. I will leave the ticket resolved for a few days in case it returns.",
    ];

    public static readonly IReadOnlyList<string> ReopenReplies =
    [
        "Unfortunately the problem is back since this morning.",
        "It worked for a day, now it fails again.",
        "Still not working for me, sorry.",
    ];

    public static readonly IReadOnlyList<string> CancelReasons =
    [
        "Raised twice by mistake.",
        "Sorted it out myself, thanks.",
        "No longer needed.",
    ];

    public static readonly IReadOnlyList<string> WorkNotes =
    [
        "Analysis and remote session.",
        "Testing the fix with the caller.",
        "Log review and configuration change.",
        "On-site visit.",
        "Follow-up and documentation.",
    ];

    public static readonly IReadOnlyList<string> RejectionReasons =
    [
        "Not within this quarter's budget.",
        "Please discuss this with me first.",
        "The team already has enough licences for this.",
        "Not needed for the role.",
    ];

    public static readonly IReadOnlyList<string> FulfilledReplies =
    [
        "All done. Please check and let us know if anything is missing.",
        "Your request has been completed.",
        "Completed as requested.",
    ];

    public static readonly IReadOnlyList<string> RequestQuestions =
    [
        "Do you know roughly when this will be done?",
        "Thanks for approving, looking forward to it.",
        "Could you also add my colleague to this?",
    ];

    public static readonly IReadOnlyList<string> ChangeSummaries =
    [
        "Add a field for the customer's VAT number",
        "New export of open orders to Excel",
        "Show the delivery date on the order overview",
        "Reminder email for overdue approvals",
        "Filter by region in the main list",
    ];

    public static readonly IReadOnlyList<string> ChangeDetails =
    [
        "We copy this by hand every week; having it in the system would save our team about two hours a week.",
        "Customers ask for it and we cannot answer without opening three screens.",
        "Audit asked us to keep this information with the record.",
    ];

    public static readonly IReadOnlyList<string> Justifications =
    [
        "I take over the administration of our team's setup from a colleague who is leaving.",
        "Needed to maintain the master data for our business unit.",
    ];

    public static string Fill(string text, string service, string site, int n, string? team = null) =>
        text.Replace("{service}", service, StringComparison.Ordinal).Replace("{site}", site, StringComparison.Ordinal)
            .Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{team}", team ?? "", StringComparison.Ordinal);
}
