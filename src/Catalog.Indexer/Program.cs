Console.WriteLine("catalog-indexer: not implemented yet");
