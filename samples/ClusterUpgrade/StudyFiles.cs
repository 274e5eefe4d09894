using SemLib.Reporting;

namespace ClusterUpgrade;

/// <summary>Writes the study's files: the text report and the lavaan-style summary of the structural model.</summary>
public static class StudyFiles
{
    public static void Write(string dir, StudyResults r, string report)
    {
        WriteAtomically(Path.Combine(dir, "report.txt"), report);
        WriteAtomically(Path.Combine(dir, "structural-model.txt"),
            TextSummary.Format(r.Structural, new TextSummaryOptions { FitMeasures = true, Standardized = true, RSquare = true }));
        WriteAtomically(Path.Combine(dir, "structural-model.json"), FitJson.ToJson(r.Structural));
    }

    /// <summary>Writes a file whole or not at all (temporary file, then a move).</summary>
    public static void WriteAtomically(string path, string content)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }
}
