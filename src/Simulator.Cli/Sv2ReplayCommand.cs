using BufferLab.Simulator.Engine.Scenarios.Files;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Cli;

/// <summary>
/// `sv2 replay FILE [--variant faithful|fixed]`: runs every `# script` of a traces file and prints
/// each op's state line in the file's own format, so the output diffs against the recording.
/// </summary>
public static class Sv2ReplayCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException("usage: sv2 replay FILE [--variant faithful|fixed]");
        }

        string path = args.Positional[0];
        Sv2Variant variant = args.Choice("--variant", "faithful", "faithful", "fixed") == "fixed" ? Sv2Variant.Fixed : Sv2Variant.Faithful;
        IReadOnlyList<Sv2Script> scripts = Load(path);
        foreach (Sv2Script script in scripts)
        {
            output.Write($"# script {script.Name} cap={script.Capacity}\n");
            var model = new Sv2Model(script.Capacity, variant);
            foreach (Sv2Op op in script.Ops)
            {
                Sv2StepResult result = model.Apply(op);
                output.Write(Sv2TraceLine.Format(op, model, result));
                output.Write('\n');
                if (result.Panic is not null)
                {
                    break; // the original aborts the thread there; the script ends
                }
            }
        }

        return 0;
    }

    /// <summary>Parses and checks the whole file first, so a bad line prints nothing but the error.</summary>
    internal static IReadOnlyList<Sv2Script> Load(string path)
    {
        IReadOnlyList<Sv2Script> scripts;
        try
        {
            using var reader = new StringReader(BoundedFile.ReadText(path, ScenarioFile.MaxBytes));
            scripts = Sv2ScriptFile.Parse(reader);
        }
        catch (ScenarioFileException e)
        {
            throw new CliException(string.Join('\n', e.Problems), isProblemList: true);
        }
        catch (Sv2ParseException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }

        foreach (Sv2Script script in scripts)
        {
            if (Sv2OpValidator.FindError(script.Ops) is var (position, message))
            {
                throw new CliException($"{path}: line {script.OpLines[position]}: {message}");
            }
        }

        return scripts;
    }
}
