using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Application.Demo;

/// <summary>
/// Knowledge articles written from templates (a symptom × a product), built through the domain's lifecycle so each
/// published article has its versions: the demo gets about 300 (most published, some drafts, in review or retired)
/// with votes, views and portal deflections; the tiny profile a few, without usage. Rows go in by bulk insert, so the
/// step adds well under a second to the first start.
/// </summary>
internal sealed class KnowledgeStep : IDemoSeedStep
{
    private static readonly (string Symptom, string Fix, string Tags)[] Symptoms =
    [
        ("{0} keeps asking for the password", "1. Close {0}.\n2. Open *Credential Manager* and remove the entries for {0}.\n3. Start {0} again and sign in once.", "password, sign-in"),
        ("{0} does not start", "1. Restart the laptop.\n2. If {0} still does not start, reinstall it from the **Software Center**.", "start, install"),
        ("{0} is slow", "Close other programs, then clear the cache of {0} under *Settings → Storage*. If it stays slow, report it with the time it happened.", "performance"),
        ("{0} shows an error after the update", "Updates sometimes leave an old add-in behind. Open {0} in safe mode, disable add-ins, and enable them one by one.", "update, error"),
        ("Cannot open shared files in {0}", "Check that you are on the company network or the VPN, then open the file from the **Recent** list again.", "files, sharing"),
        ("How to request access to {0}", "Ask for access through the portal's catalogue item for {0}; your manager approves it, and access follows within a day.", "access, request"),
        ("{0} stops syncing", "Sign out of {0}, wait a minute, and sign in again. Syncing resumes where it stopped.", "sync"),
        ("Printing from {0} fails", "Choose the printer again in the print dialog of {0}; the printer list changed with the new print server.", "print"),
        ("{0} crashes when saving", "Save a copy under a new name. If that works, the original file is damaged: restore it from the previous version.", "crash, save"),
        ("Set up {0} on a new laptop", "Install {0} from the **Software Center**, then sign in with your company account; your settings follow.", "setup, laptop"),
    ];

    private static readonly string[] Products =
    [
        "Outlook", "Teams", "the VPN client", "OneDrive", "the CRM", "the HR portal", "SAP", "Excel", "the expense app",
        "Zoom", "the Wi-Fi", "the docking station", "the laptop camera", "the mobile phone mail", "the intranet",
        "the travel booking tool", "the payroll self-service", "Jira", "Confluence", "the password manager",
        "the remote desktop", "the badge reader", "the meeting room display", "Salesforce", "the data warehouse",
        "Power BI", "the print server", "the company app", "SharePoint", "the ticketing kiosk",
    ];

    public string Name => "knowledge";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        var services = (context.Services ?? throw new InvalidOperationException("The services step runs first.")).Services
            .Where(s => s.Lifecycle == ServiceLifecycle.Live).ToList();
        // Ids and picks of their own sequences, so the rest of the seed draws the same data with or without knowledge.
        var ids = new DemoRandom(DemoSeedContext.Seed + 5);
        var random = new DemoRandom(DemoSeedContext.Seed + 6);
        var writers = organization.InRole(Roles.Agent).ToList();
        var approver = organization.Person(DemoAccounts.Lead);
        var readers = organization.InRole(Roles.Requester).Take(400).ToList();
        var tiny = context.Profile == DemoProfile.Tiny;
        var count = tiny ? 3 : Symptoms.Length * Products.Length;

        var articles = new List<KnowledgeArticle>();
        var links = new List<KnowledgeArticleService>();
        var versions = new List<KnowledgeVersion>();
        var votes = new List<KnowledgeFeedback>();
        var views = new List<KnowledgeView>();
        var sessions = new List<KnowledgeSession>();
        for (var i = 0; i < count; i++)
        {
            var (symptom, fix, tags) = Symptoms[i % Symptoms.Length];
            var product = Products[i / Symptoms.Length % Products.Length];
            var author = writers.Count > 0 ? random.Pick(writers) : approver;
            var written = context.Now.AddDays(-random.Next(360) - 5).AddMinutes(-random.Next(600));
            var title = string.Format(null, symptom, product);
            var article = new KnowledgeArticle
            {
                Id = ids.NextGuid(),
                Title = char.ToUpperInvariant(title[0]) + title[1..],
                Summary = $"What to do when {title[0..1].ToLowerInvariant() + title[1..]}.",
                Body = $"## What you see\n\n{title}.\n\n## What to do\n\n{string.Format(null, fix, product)}\n\n"
                    + "Still stuck? Report a problem in the portal and mention this article.",
                Tags = KnowledgeTags.Normalize([.. tags.Split(','), product.Replace("the ", "", StringComparison.Ordinal)]),
                AuthorId = author.Id,
                OwnerId = author.Id,
                CreatedAt = written,
                UpdatedAt = written,
            };
            articles.Add(article);
            links.Add(new KnowledgeArticleService { ArticleId = article.Id, ServiceId = services[i % services.Count].Id });

            // Most are published (a quarter twice); the rest are drafts, in review, or retired.
            var fate = tiny ? (i == 2 ? 0.85 : 0.0) : random.NextDouble();
            if (fate < 0.8 || fate >= 0.9)
            {
                Publish(article, approver.Id, written.AddDays(1), versions, ids);
                if (!tiny && random.NextDouble() < 0.25)
                {
                    article.BeginEdit(written.AddDays(30));
                    article.Body += "\n\n> Updated: the steps also work on the new laptops.";
                    Publish(article, approver.Id, written.AddDays(31), versions, ids);
                }
            }
            if (fate >= 0.95)
            {
                Check(article.MoveTo(ArticleState.Retired, true, approver.Id, written.AddDays(200)));
            }
            else if (fate is >= 0.85 and < 0.9)
            {
                Check(article.MoveTo(ArticleState.Review, false, author.Id, written.AddDays(1)));
            }
            if (!tiny && article.IsReadable && readers.Count > 0)
            {
                Usage(article, readers, random, ids, context.Now, votes, views, sessions);
            }
        }

        var db = context.Db;
        await BulkInsert.InsertAsync(db, articles, ct);
        await BulkInsert.InsertAsync(db, links, ct);
        await BulkInsert.InsertAsync(db, versions, ct);
        await BulkInsert.InsertAsync(db, votes, ct);
        await BulkInsert.InsertAsync(db, sessions, ct);
        await BulkInsert.InsertAsync(db, views, ct);
        context.Count("knowledge articles", articles.Count);
        context.Count("article votes", votes.Count);
        context.Count("article views", views.Count);
    }

    private static void Publish(KnowledgeArticle article, Guid approver, DateTime at, List<KnowledgeVersion> versions, DemoRandom ids)
    {
        Check(article.MoveTo(ArticleState.Review, false, article.AuthorId, at));
        versions.Add(Check(article.MoveTo(ArticleState.Published, true, approver, at))!);
        versions[^1].Id = ids.NextGuid();
    }

    /// <summary>Votes on the latest version from distinct people, views, and some portal sessions that ended in a deflection or an incident.</summary>
    private static void Usage(KnowledgeArticle article, IReadOnlyList<KeelUser> readers, DemoRandom random, DemoRandom ids, DateTime now,
        List<KnowledgeFeedback> votes, List<KnowledgeView> views, List<KnowledgeSession> sessions)
    {
        var voters = Enumerable.Range(0, random.Next(9)).Select(_ => random.Pick(readers)).DistinctBy(p => p.Id).ToList();
        foreach (var voter in voters)
        {
            var at = now.AddDays(-random.Next(60)).AddMinutes(-random.Next(600));
            votes.Add(new KnowledgeFeedback
            {
                Id = ids.NextGuid(), ArticleId = article.Id, VersionNumber = article.PublishedNumber!.Value, UserId = voter.Id,
                Helpful = random.NextDouble() < 0.75, At = at,
            });
        }
        for (var v = random.Next(30); v > 0; v--)
        {
            var reader = random.Pick(readers);
            var at = now.AddDays(-random.Next(90)).AddMinutes(-random.Next(600));
            Guid? sessionId = null;
            if (random.NextDouble() < 0.15)
            {
                var session = new KnowledgeSession { Id = ids.NextGuid(), UserId = reader.Id, StartedAt = at.AddMinutes(-2) };
                session.Viewed(article.Id, at);
                if (random.NextDouble() < 0.4)
                {
                    session.Solved(article.Id, at.AddMinutes(1));
                }
                sessions.Add(session);
                sessionId = session.Id;
            }
            views.Add(new KnowledgeView { Id = ids.NextGuid(), ArticleId = article.Id, UserId = reader.Id, SessionId = sessionId, At = at });
        }
    }

    /// <summary>The seed moves articles through the domain's own rules: a refusal is a bug in the seed.</summary>
    private static T? Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The knowledge seed broke a rule: {result.Error!.Message}");
}
