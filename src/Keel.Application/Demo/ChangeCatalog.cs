namespace Keel.Application.Demo;

/// <summary>A pre-approved standard change of the demo: its service, plans, and whether it runs out of hours.</summary>
internal sealed record DemoTemplate(
    string Name, string Description, string Service, string ImplementationPlan, string BackoutPlan, string TestPlan, bool OutOfHours, double Weight);

/// <summary>A kind of normal or emergency change, its title and reason filled with the service's name.</summary>
internal sealed record ChangePhrase(string Title, string Reason, string ImplementationPlan, string BackoutPlan, string TestPlan);

/// <summary>The words of the seeded changes: templates, normal and emergency changes, review notes.</summary>
internal static class ChangeCatalog
{
    public static IReadOnlyList<DemoTemplate> Templates { get; } =
    [
        new("Patch Windows laptops (monthly ring)", "The month's security updates to the pilot and broad rings of managed laptops.", "Workplace Services",
            "1. Approve the month's updates for the pilot ring in Intune.\n2. After 48 hours without new incidents, approve them for the broad ring.\n3. Watch the compliance report until 95 % of devices report installed.",
            "Pause the ring and uninstall the faulty update through Intune; devices revert at their next check-in.",
            "Pilot devices reboot and sign in; Office, VPN client and printing work on three sample devices.", true, 3),
        new("Add a user to a distribution list", "Adds people to an existing distribution list or shared mailbox at a manager's request.", "Email & Calendar",
            "Add the members in the Exchange admin centre; the change reaches the address book within an hour.",
            "Remove the members again.", "Send a test message to the list and check one new member received it.", false, 5),
        new("Renew a TLS certificate", "Replaces a certificate that expires within 30 days with one from the company CA or the public CA.", "Company Website",
            "1. Request the certificate with the same subject names.\n2. Import it on the load balancer.\n3. Bind it to the listeners and reload.",
            "Bind the previous certificate again (still valid until its expiry date).",
            "Open the site from outside and inside; check the chain and expiry date with the SSL checker.", true, 2),
        new("Restart an application pool", "Restarts the application pool of a web application that has stopped answering or leaks memory.", "Customer Service Desk",
            "Drain the node in the load balancer, recycle the pool, put the node back; then the next node.",
            "None needed: a recycle restores the previous state; if the pool does not start, start it from the runbook (step 3).",
            "Open the agent console and create a test case on each node.", false, 3),
        new("Rotate a service account password", "Sets a new password for a service account and updates the applications that use it.", "Identity & Sign-in",
            "1. Generate the new password in the vault.\n2. Update it in the directory.\n3. Update every application listed in the vault entry and restart them.",
            "Set the previous password from the vault's history and restart the applications again.",
            "Each listed application signs in; no failed sign-ins for the account in the last 15 minutes.", true, 2),
        new("Increase a database's storage", "Grows the data volume of a database server before it reaches 85 % full.", "Reporting & Analytics",
            "Extend the volume in the storage console, then grow the file system online.",
            "A grown volume is not shrunk; no back-out needed beyond stopping before the file system is grown.",
            "Free space shows the new size; the nightly load finishes in its usual time.", false, 2),
        new("Update the VPN client profile", "Publishes a new VPN profile (gateways, split tunnelling list) to managed devices.", "Remote Access",
            "Publish the new profile to the pilot group, then to all devices after a day.",
            "Publish the previous profile again.", "Connect from a pilot device at home and reach the intranet and a file share.", true, 2),
        new("Publish a scheduled website content release", "Puts the marketing team's approved content bundle live.", "Company Website",
            "Promote the approved bundle from staging to production in the CMS; clear the CDN cache.",
            "Promote the previous bundle again and clear the CDN cache.", "Check the new pages and three old ones from outside; no 404s in the CDN log.", false, 3),
    ];

    public static IReadOnlyList<ChangePhrase> Normal { get; } =
    [
        new("Upgrade {0} to the vendor's current release", "The running release leaves vendor support at the end of the quarter.",
            "1. Snapshot the servers and back up the database.\n2. Run the vendor's upgrade on the application servers one at a time.\n3. Run the database migration.",
            "Restore the snapshots and the database backup taken in step 1.", "Run the regression suite and the key users' smoke test list."),
        new("Move {0} to the new Kubernetes cluster", "The old cluster is being retired; the new one has autoscaling and current patches.",
            "Deploy to the new cluster, switch DNS with a 5-minute TTL, watch for an hour, then scale the old deployment to zero.",
            "Switch DNS back to the old cluster (kept running for a week).", "Health checks green; synthetic transactions succeed from both sites."),
        new("Resize the application servers of {0}", "CPU has been above 80 % at month-end for three months.",
            "Stop one node at a time, change the VM size, start it and return it to the pool.", "Change the VM size back.",
            "Response times under load test match the baseline or better."),
        new("Change the backup schedule of {0}", "The nightly backup overlaps the new batch jobs and slows them down.",
            "Move the full backup to 01:00 and the incrementals to every four hours.", "Restore the previous schedule in the backup console.",
            "The next night's backup and batch jobs both finish; a test restore of one table works."),
        new("Add a new interface between {0} and ERP Finance", "Finance wants the figures every night instead of a monthly export.",
            "Deploy the integration flow, create the technical user, enable the nightly schedule.", "Disable the schedule and remove the flow.",
            "Run the flow once by hand with yesterday's data and reconcile the totals with Finance."),
        new("Enable single sign-on for {0}", "Users keep a separate password for it; audit asked for central sign-in.",
            "Register the application in Entra ID, configure SAML on the application, switch the login page.",
            "Switch the login page back to local accounts (kept active until the change is reviewed).", "Five pilot users sign in from the office and from home."),
        new("Apply the database engine's minor update on {0}", "The update fixes a replication bug we hit twice this year.",
            "Fail over to the replica, update the primary, fail back, update the replica.", "Fail over to the not-yet-updated node and roll back the package.",
            "Replication lag back under a second; application smoke test passes."),
        new("Tighten the firewall rules in front of {0}", "The security review found ports open that nothing uses.",
            "Apply the reviewed rule set to the edge firewall.", "Load the saved previous rule set.", "Scan from outside shows only the expected ports; the application works from all sites."),
    ];

    public static IReadOnlyList<ChangePhrase> Emergency { get; } =
    [
        new("Emergency patch for a critical vulnerability in {0}", "The vendor published a fix for a vulnerability that is being exploited.",
            "Apply the vendor's hotfix on every node, one at a time.", "Uninstall the hotfix.", "Vendor's verification script reports the fix; smoke test passes."),
        new("Roll back yesterday's release of {0}", "Yesterday's release breaks order entry for a part of the users.",
            "Redeploy the previous release from the pipeline.", "Redeploy yesterday's release.", "Order entry works for the users who reported it."),
        new("Replace the expired certificate of {0}", "The certificate expired overnight; clients refuse to connect.",
            "Install the new certificate on all nodes and reload.", "None: the old certificate is expired.", "Clients connect without warnings."),
        new("Block malicious traffic to {0}", "A flood of requests from a few networks is slowing the service for everyone.",
            "Add the networks to the block list on the edge firewall.", "Remove the entries.", "Request rate back to normal; customers' networks not blocked."),
    ];

    public static IReadOnlyList<string> FailureNotes { get; } =
    [
        "The upgrade stopped half-way on the second node; we restored the snapshot and rescheduled with the vendor's support.",
        "Users could not sign in after the switch; we backed out within the window and found a missing claim mapping.",
        "The database migration ran three times longer than in test; we rolled back before the morning peak.",
        "A dependency on the old endpoint was not in the CMDB; two interfaces failed until we switched back.",
        "The new configuration was fine but a cached value kept clients on the old gateway; incidents followed in the morning.",
    ];

    public static IReadOnlyList<string> IssueNotes { get; } =
    [
        "Done, but it ran 40 minutes over the window.",
        "Done; one node needed a second restart.",
        "Done; a few users needed to sign in again the next morning.",
        "Done; the monitoring alert threshold had to be adjusted afterwards.",
    ];

    public static IReadOnlyList<string> RejectionReasons { get; } =
    [
        "The back-out plan is not tested; test it in pre-production first.",
        "It collides with the month-end close; pick another date.",
        "The impact on the interfaces is not described.",
    ];

    public static IReadOnlyList<string> CancelReasons { get; } =
    [
        "Superseded by a later change.",
        "The vendor withdrew the update.",
        "Not needed any more: the business postponed the project.",
    ];
}
