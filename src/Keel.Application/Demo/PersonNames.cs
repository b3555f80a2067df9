using System.Text;

namespace Keel.Application.Demo;

/// <summary>Name lists for generated people: a European company with colleagues in London and New York.</summary>
internal static class PersonNames
{
    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Anna", "Ben", "Carla", "David", "Emma", "Felix", "Greta", "Hannah", "Jonas", "Julia",
        "Katharina", "Leon", "Lisa", "Maximilian", "Mia", "Niklas", "Paula", "Sophie", "Tobias", "Johanna",
        "Jürgen", "Sabine", "Stefan", "Petra", "Thomas", "Andrea", "Markus", "Claudia", "Michael", "Sandra",
        "Frank", "Birgit", "Uwe", "Susanne", "Dirk", "Nicole", "Matthias", "Monika", "Sebastian", "Laura",
        "Oliver", "Charlotte", "Harry", "Amelia", "George", "Olivia", "James", "Emily", "William", "Grace",
        "Daniel", "Sarah", "Christopher", "Jessica", "Matthew", "Ashley", "Kevin", "Megan", "Ryan", "Hannes",
        "Mehmet", "Ayşe", "Giulia", "Marco", "Lucía", "Javier", "Zofia", "Piotr", "Priya", "Rahul",
        "Chen", "Mei", "Léa", "Hugo", "Ingrid", "Lars", "Elif", "Can", "Fatima", "Omar",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
        "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Schmid", "Schulze",
        "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Yılmaz", "Kaya", "Rossi", "Bianchi", "García", "Fernández", "Nowak", "Kowalski", "Sharma", "Patel",
        "Wang", "Li", "Dubois", "Moreau", "Johansson", "Nielsen", "Demir", "Haddad", "Novak", "Santos",
    ];

    /// <summary>"Jürgen Müller" → "juergen.mueller": the user name a directory would give.</summary>
    public static string UserNameFor(string firstName, string lastName) => $"{Ascii(firstName)}.{Ascii(lastName)}";

    private static string Ascii(string name)
    {
        var german = name
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal)
            .Replace("Ü", "Ue", StringComparison.Ordinal).Replace("ı", "i", StringComparison.Ordinal);
        var plain = new StringBuilder(german.Length);
        foreach (var c in german.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }
        return plain.ToString();
    }
}
