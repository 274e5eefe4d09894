using System.Text.RegularExpressions;

namespace SemLib.Tests.Cli;

/// <summary>
/// The README's command-line examples run as written: every <c>semlib …</c> line of its bash blocks (continued lines
/// joined, trailing comments dropped) exits 0. Paths under examples/ are resolved against the repository root and the
/// files the commands write go to a temporary folder, so the commands are checked, not the working directory.
/// </summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("semlib-readme-");

    public void Dispose() => _out.Delete(recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SemLib.sln"))) return dir.FullName;
        throw new InvalidOperationException("SemLib.sln not found above the test's output folder");
    }

    /// <summary>The <c>semlib</c> command lines of the README's bash blocks.</summary>
    internal static List<string> Commands(string readme)
    {
        var commands = new List<string>();
        bool inBash = false;
        string pending = "";
        foreach (var raw in readme.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line.Trim() == "```bash";
                continue;
            }
            if (!inBash) continue;
            string text = Comment().Replace(line, "").Trim();
            if (text.EndsWith('\\'))
            {
                pending += text[..^1].TrimEnd() + " ";
                continue;
            }
            text = (pending + text).Trim();
            pending = "";
            if (text.StartsWith("semlib ", StringComparison.Ordinal)) commands.Add(text);
        }
        return commands;
    }

    [Fact]
    public void Every_semlib_command_in_the_readme_succeeds()
    {
        string root = RepositoryRoot();
        var commands = Commands(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.True(commands.Count >= 8, $"only {commands.Count} semlib commands found in the README");
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith("examples/", StringComparison.Ordinal)) words[i] = Path.Combine(root, words[i]);
                else if (i > 0 && words[i - 1] is "--output" or "--report") words[i] = Path.Combine(_out.FullName, words[i]);
            }
            var run = CliRun.Of(words);
            Assert.True(run.ExitCode == 0, $"`{command}` exited {run.ExitCode}:\n{run.Stderr}");
            Assert.False(string.IsNullOrWhiteSpace(run.Stdout) && !words.Contains("--output"), $"`{command}` printed nothing");
        }
    }

    [Fact]
    public void Continued_lines_are_joined_and_comments_dropped()
    {
        var found = Commands("text\n```bash\nsemlib fit --a 1 \\\n   --b 2   # note\nls\n```\n```\nsemlib not-bash\n```\n");
        Assert.Equal(["semlib fit --a 1 --b 2"], found);
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();
}
