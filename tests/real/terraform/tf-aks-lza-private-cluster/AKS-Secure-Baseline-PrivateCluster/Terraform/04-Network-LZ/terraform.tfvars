location  = "swedencentral"
rgHubName = "rg-hub"
rgLzName  = "rg-spoke"
