location  = "swedencentral"
rgHubName = "rg-hub"
