using System.Globalization;
using System.Text;

namespace Keel.Domain.Problems;

/// <summary>
/// How alike two short texts are: the Jaccard index of their sets of normalized words (lower case, accents removed,
/// a plural "s" dropped, apostrophes ignored so "can't" is "cant"), leaving out common English stop words and words shorter than three letters.
/// 1 means the same words, 0 nothing in common. Good enough to rank a handful of known errors, and explainable.
/// </summary>
public static class TextSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "have", "been", "from", "this", "that", "with", "they", "them", "their", "there", "when", "what", "which",
        "will", "would", "could", "should", "into", "onto", "than", "then", "does", "doesnt", "did", "didnt", "dont", "isnt",
        "arent", "wasnt", "wont", "cant", "its", "also", "just", "since", "some", "very", "more", "most", "only", "again", "still",
        "after", "before", "while", "about", "over", "under", "who", "whom", "why", "how", "get", "got", "getting",
        "please", "help", "issue", "problem", "cannot", "unable", "keeps", "keep", "now", "today", "morning",
        "my", "me", "i", "is", "it", "on", "in", "of", "to", "a", "an", "or", "at", "by", "be", "we", "us",
    };

    /// <summary>The distinct normalized words of <paramref name="text"/> that carry meaning.</summary>
    public static IReadOnlySet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'')
            {
                Add(words, word);
            }
        }
        Add(words, word);
        return words;
    }

    /// <summary>The Jaccard index of the two texts' words: shared words over all distinct words (0 when either has none).</summary>
    public static double Of(string? a, string? b) => Of(Words(a), Words(b));

    public static double Of(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static void Add(HashSet<string> words, StringBuilder word)
    {
        if (word.Length >= 3)
        {
            var text = word.ToString();
            // "servers" and "server" are the same thing to a person searching; "access" and "status" keep their s.
            if (text.Length > 4 && text[^1] == 's' && text[^2] != 's' && text[^2] != 'u')
            {
                text = text[..^1];
            }
            if (!StopWords.Contains(text))
            {
                words.Add(text);
            }
        }
        word.Clear();
    }
}
