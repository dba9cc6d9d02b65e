namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>Mirrors filestore/util.go's Status codes.</summary>
public enum FilestoreStatus
{
    Ok = 0,
    FileError = 10,
    FileNotFound = 11,
    FileChanged = 12,
    OtherError = 20,
    KeyNotFound = 30,
}
